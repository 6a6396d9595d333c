import {
  AlarmRule,
  AlarmState,
  alarmFromTemplate,
  Datapoints,
  evaluateAlarm,
  evaluateDatapoints,
  MissingDataTreatment,
  Sample,
  SimulatedAlarm,
} from '../support/alarm-simulator';
import { logicalId, synthGuard, SynthesizedGuard } from './support/guard-stack';

/** The documented tables' notation, oldest first: `0` within the threshold, `X` breaching, `-` missing. */
function datapoints(notation: string): Datapoints {
  return notation.split(' ').map((c) => (c === '-' ? undefined : c === 'X' ? 10 : 0));
}

function rule(datapointsToAlarm: number, treatMissingData: MissingDataTreatment): AlarmRule {
  return {
    evaluationPeriods: 3,
    datapointsToAlarm,
    threshold: 5,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData,
  };
}

/** One documented row: the state for missing, ignore, breaching and notBreaching ('retain' keeps it). */
type Row = [
  notation: string,
  missing: AlarmState,
  ignore: AlarmState | 'retain',
  breaching: AlarmState,
  notBreaching: AlarmState,
];

function expectRow(datapointsToAlarm: number, [notation, missing, ignore, breaching, notBreaching]: Row): void {
  const range = datapoints(notation);
  expect(evaluateDatapoints(range, rule(datapointsToAlarm, 'missing'), 'OK')).toBe(missing);
  expect(evaluateDatapoints(range, rule(datapointsToAlarm, 'breaching'), 'OK')).toBe(breaching);
  expect(evaluateDatapoints(range, rule(datapointsToAlarm, 'notBreaching'), 'ALARM')).toBe(notBreaching);
  for (const current of ['OK', 'ALARM'] as const) {
    expect(evaluateDatapoints(range, rule(datapointsToAlarm, 'ignore'), current)).toBe(
      ignore === 'retain' ? current : ignore,
    );
  }
}

describe('the alarm simulator, on the examples of the CloudWatch User Guide', () => {
  // "How alarm state is evaluated when data is missing": five datapoints retrieved, most recent last
  describe('3 of 3 datapoints to alarm', () => {
    it.each<Row>([
      ['0 - X - X', 'OK', 'OK', 'OK', 'OK'],
      ['0 - - - -', 'OK', 'OK', 'OK', 'OK'],
      ['- - - - -', 'INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK'],
      ['0 X X - X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
      ['- - - - X', 'INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK'],
      ['X - - - -', 'ALARM', 'retain', 'ALARM', 'OK'],
    ])('sets the documented states for %s', (...row) => {
      expectRow(3, row);
    });
  });

  describe('2 of 3 datapoints to alarm', () => {
    it.each<Row>([
      ['0 - X - X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
      ['0 0 X 0 X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
      ['0 - X - -', 'OK', 'OK', 'ALARM', 'OK'],
      ['- - - - 0', 'OK', 'OK', 'ALARM', 'OK'],
      ['- - - - X', 'INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK'],
    ])('sets the documented states for %s', (...row) => {
      expectRow(2, row);
    });
  });

  it('keeps an old real datapoint in the evaluation until it leaves the range, as the guide explains', () => {
    const breaching = rule(3, 'breaching');

    expect(evaluateDatapoints(datapoints('0 - - - -'), breaching, 'OK')).toBe('OK');
    expect(evaluateDatapoints(datapoints('- - - - -'), breaching, 'OK')).toBe('ALARM');
  });

  it('compares with each operator as its name says', () => {
    const at = (comparisonOperator: AlarmRule['comparisonOperator'], value: number) =>
      evaluateDatapoints([value], { ...rule(1, 'missing'), evaluationPeriods: 1, comparisonOperator }, 'OK');

    expect([at('GreaterThanOrEqualToThreshold', 5), at('GreaterThanOrEqualToThreshold', 4)]).toEqual(['ALARM', 'OK']);
    expect([at('GreaterThanThreshold', 6), at('GreaterThanThreshold', 5)]).toEqual(['ALARM', 'OK']);
    expect([at('LessThanThreshold', 4), at('LessThanThreshold', 5)]).toEqual(['ALARM', 'OK']);
    expect([at('LessThanOrEqualToThreshold', 5), at('LessThanOrEqualToThreshold', 6)]).toEqual(['ALARM', 'OK']);
  });

  it('refuses an evaluation range shorter than the evaluation periods', () => {
    expect(() => evaluateDatapoints([1, 2], rule(3, 'missing'), 'OK')).toThrow(
      'the evaluation range (2) is shorter than 3 periods',
    );
  });

  it('refuses an alarm expression it cannot evaluate', () => {
    const properties = {
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      Metrics: [
        { Id: 'e', Expression: 'RATE(m)' },
        { Id: 'm', ReturnData: false, MetricStat: { Metric: {}, Period: 60, Stat: 'Sum' } },
      ],
    };

    expect(() => alarmFromTemplate(properties)).toThrow('unsupported alarm expression: RATE(m)');
  });
});

const NOW = new Date('2026-03-10T12:00:00Z');
const HOUR = 3600 * 1000;

function hoursAgo(hours: number): Date {
  return new Date(NOW.getTime() - hours * HOUR);
}

function completedCycles(...hours: number[]): Sample[] {
  return hours.map((h) => ({ at: hoursAgo(h), value: 1 }));
}

/**
 * How far back CloudWatch looks is undocumented: the guide's example retrieves two periods more than it
 * evaluates. The switch must hold for that and for longer ranges.
 */
const EVALUATION_RANGES = [28, 36, 52];

describe("the dead-man's switch, as synthesized, evaluated as CloudWatch documents it", () => {
  let synth: SynthesizedGuard;
  let alarm: SimulatedAlarm;
  beforeAll(() => {
    synth = synthGuard();
    const id = logicalId(synth.template, 'AWS::CloudWatch::Alarm', 'GuardDeadMansSwitchAlarm');
    alarm = alarmFromTemplate(synth.template.toJSON().Resources[id].Properties);
  });

  function stateAt(samples: Sample[], evaluationRange: number, currentState: AlarmState = 'OK'): AlarmState {
    return evaluateAlarm(alarm, samples, { now: NOW, evaluationRange, currentState });
  }

  it('reads the completed cycles of the guard per hour, filled with 0, over 26 hours', () => {
    expect(alarm).toMatchObject({
      namespace: 'RenewalGuard',
      metricName: 'CycleCompleted',
      statistic: 'Sum',
      periodSeconds: 3600,
      fill: 0,
      evaluationPeriods: 26,
      datapointsToAlarm: 26,
    });
  });

  it.each(EVALUATION_RANGES)('is OK after a day of hourly datapoints from a running guard (range %i)', (range) => {
    const day = Array.from({ length: 24 }, (_, i) => i + 1);

    expect(stateAt(completedCycles(...day), range, 'ALARM')).toBe('OK');
  });

  it.each(EVALUATION_RANGES)('is OK while the last daily check completed 25.5 hours ago (range %i)', (range) => {
    expect(stateAt(completedCycles(25.5, 49.5, 73.5), range, 'ALARM')).toBe('OK');
  });

  it.each(EVALUATION_RANGES)(
    'goes to ALARM on missing data when the cycle is disabled: no datapoint at all (range %i)',
    (range) => {
      for (const currentState of ['OK', 'INSUFFICIENT_DATA'] as const) {
        for (const fillOfEmptySeries of ['nothing', 'filled'] as const) {
          expect(evaluateAlarm(alarm, [], { now: NOW, evaluationRange: range, currentState, fillOfEmptySeries })).toBe(
            'ALARM',
          );
        }
      }
    },
  );

  it.each(EVALUATION_RANGES)('goes to ALARM when the one completed cycle was 27 hours ago (range %i)', (range) => {
    expect(stateAt(completedCycles(27), range)).toBe('ALARM');
  });

  it.each(EVALUATION_RANGES)(
    'goes to ALARM when a daily guard stops, its last check 26.5 hours ago (range %i)',
    (range) => {
      expect(stateAt(completedCycles(26.5, 50.5, 74.5), range)).toBe('ALARM');
    },
  );

  it('needs FILL: unfilled, the 27-hour-old cycle would keep it OK while that datapoint is in the range', () => {
    const unfilled: SimulatedAlarm = { ...alarm, fill: undefined };

    expect(evaluateAlarm(unfilled, completedCycles(27), { now: NOW, evaluationRange: 28, currentState: 'OK' })).toBe(
      'OK',
    );
    expect(evaluateAlarm(alarm, completedCycles(27), { now: NOW, evaluationRange: 28, currentState: 'OK' })).toBe(
      'ALARM',
    );
  });
});

describe('the failure alarms, as synthesized, evaluated as CloudWatch documents it', () => {
  let synth: SynthesizedGuard;
  beforeAll(() => {
    synth = synthGuard();
  });

  function alarmAt(prefix: string): SimulatedAlarm {
    const id = logicalId(synth.template, 'AWS::CloudWatch::Alarm', prefix);
    return alarmFromTemplate(synth.template.toJSON().Resources[id].Properties);
  }

  it.each([
    ['GuardPollerErrorsAlarm', 'a failed invocation', 40],
    ['GuardPollFailuresAlarm', 'a vendor account that could not be polled', 40],
    ['GuardDeadLetterQueueAlarm', 'a dead-lettered check', 7],
  ])('%s goes to ALARM for %s and is OK when the metric reports nothing', (prefix, _what, minutesAgo) => {
    const alarm = alarmAt(prefix);
    const sample = { at: new Date(NOW.getTime() - minutesAgo * 60 * 1000), value: 1 };

    expect(evaluateAlarm(alarm, [sample], { now: NOW, evaluationRange: 3, currentState: 'OK' })).toBe('ALARM');
    expect(evaluateAlarm(alarm, [], { now: NOW, evaluationRange: 3, currentState: 'ALARM' })).toBe('OK');
  });
});
