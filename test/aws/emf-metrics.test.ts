import type { MetricDatum } from '../../lambda/app/cycle-metrics';
import { emitEmfMetrics, EmfMetricsError, emfDocuments } from '../../lambda/aws/emf-metrics';

const NOW = new Date('2026-09-30T09:30:00+08:00');
const GUARD = { Guard: 'prod-guard' };

interface ParsedDocument {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: Array<{
      Namespace: string;
      Dimensions: string[][];
      Metrics: Array<{ Name: string; Unit: string }>;
    }>;
  };
  [member: string]: unknown;
}

function emit(datums: MetricDatum[]): ParsedDocument[] {
  const lines: string[] = [];
  emitEmfMetrics(datums, { timestamp: NOW, write: (line) => lines.push(line) });
  for (const line of lines) expect(line).not.toContain('\n');
  return lines.map((line) => JSON.parse(line) as ParsedDocument);
}

describe('EMF metrics', () => {
  it('writes one JSON line per dimension set with namespace, dimensions, units, values and the cycle time', () => {
    // Prepare
    const datums: MetricDatum[] = [
      { name: 'CycleCompleted', unit: 'Count', value: 1, dimensions: GUARD },
      { name: 'PollFailures', unit: 'Count', value: 0, dimensions: GUARD },
      { name: 'Balance', unit: 'None', value: 812.5, dimensions: { ...GUARD, AccountId: 'agora-main' } },
      { name: 'DaysToExpiry', unit: 'None', value: 9, dimensions: { ...GUARD, ServiceId: 'live-rtc' } },
      { name: 'RunwayDays', unit: 'None', value: 23.4, dimensions: { ...GUARD, AccountId: 'agora-main' } },
    ];

    // Act
    const documents = emit(datums);

    // Assess
    expect(documents).toEqual([
      {
        _aws: {
          Timestamp: NOW.getTime(),
          CloudWatchMetrics: [
            {
              Namespace: 'RenewalGuard',
              Dimensions: [['Guard']],
              Metrics: [
                { Name: 'CycleCompleted', Unit: 'Count' },
                { Name: 'PollFailures', Unit: 'Count' },
              ],
            },
          ],
        },
        Guard: 'prod-guard',
        CycleCompleted: 1,
        PollFailures: 0,
      },
      {
        _aws: {
          Timestamp: NOW.getTime(),
          CloudWatchMetrics: [
            {
              Namespace: 'RenewalGuard',
              Dimensions: [['Guard', 'AccountId']],
              Metrics: [
                { Name: 'Balance', Unit: 'None' },
                { Name: 'RunwayDays', Unit: 'None' },
              ],
            },
          ],
        },
        Guard: 'prod-guard',
        AccountId: 'agora-main',
        Balance: 812.5,
        RunwayDays: 23.4,
      },
      {
        _aws: {
          Timestamp: NOW.getTime(),
          CloudWatchMetrics: [
            {
              Namespace: 'RenewalGuard',
              Dimensions: [['Guard', 'ServiceId']],
              Metrics: [{ Name: 'DaysToExpiry', Unit: 'None' }],
            },
          ],
        },
        Guard: 'prod-guard',
        ServiceId: 'live-rtc',
        DaysToExpiry: 9,
      },
    ]);
  });

  it('gives each service its own document, because a document carries one value per dimension', () => {
    // Prepare
    const datums: MetricDatum[] = ['a', 'b', 'c'].map((id, i) => ({
      name: 'DaysToExpiry',
      unit: 'None',
      value: i,
      dimensions: { ...GUARD, ServiceId: id },
    }));

    // Act
    const documents = emit(datums);

    // Assess
    expect(documents.map((d) => [d.ServiceId, d.DaysToExpiry])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('splits a dimension set with more than 100 metrics into documents of at most 100', () => {
    // Prepare
    const datums: MetricDatum[] = Array.from({ length: 250 }, (_, i) => ({
      name: `Metric${i}`,
      unit: 'Count',
      value: i,
      dimensions: GUARD,
    }));

    // Act
    const documents = emit(datums);

    // Assess
    expect(documents.map((d) => d._aws.CloudWatchMetrics[0].Metrics.length)).toEqual([100, 100, 50]);
    const names = documents.flatMap((d) => d._aws.CloudWatchMetrics[0].Metrics.map((m) => m.Name));
    expect(names).toEqual(datums.map((d) => d.name));
    for (const document of documents) {
      for (const { Name } of document._aws.CloudWatchMetrics[0].Metrics) {
        expect(document[Name]).toBe(Number(Name.slice(6)));
      }
      expect(document.Guard).toBe('prod-guard');
    }
  });

  it('sends repeated values of one metric as an array, at most 100 values a document', () => {
    // Prepare
    const datums: MetricDatum[] = Array.from({ length: 150 }, (_, i) => ({
      name: 'AlertsSent',
      unit: 'Count',
      value: i,
      dimensions: GUARD,
    }));

    // Act
    const documents = emit(datums);

    // Assess
    expect(documents.map((d) => (d.AlertsSent as number[]).length)).toEqual([100, 50]);
    expect((documents[1].AlertsSent as number[])[0]).toBe(100);
  });

  it('writes nothing when there are no datums', () => {
    // Act
    const documents = emit([]);

    // Assess
    expect(documents).toEqual([]);
  });

  it('names another namespace when asked', () => {
    // Act
    const [document] = emfDocuments([{ name: 'CycleCompleted', unit: 'Count', value: 1, dimensions: GUARD }], {
      timestamp: NOW,
      namespace: 'Staging/RenewalGuard',
    });

    // Assess
    expect(document._aws.CloudWatchMetrics[0].Namespace).toBe('Staging/RenewalGuard');
  });

  it('writes to stdout as one line per document by default', () => {
    // Prepare
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });

    // Act
    let count: number;
    try {
      count = emitEmfMetrics([{ name: 'CycleCompleted', unit: 'Count', value: 1, dimensions: GUARD }], {
        timestamp: NOW,
      });
    } finally {
      spy.mockRestore();
    }

    // Assess
    expect(count).toBe(1);
    expect(written).toHaveLength(1);
    expect(written[0].endsWith('}\n')).toBe(true);
    expect(JSON.parse(written[0]).CycleCompleted).toBe(1);
  });

  it('rejects a value that is not a finite number', () => {
    // Act / Assess
    expect(() =>
      emfDocuments([{ name: 'Balance', unit: 'None', value: NaN, dimensions: GUARD }], { timestamp: NOW }),
    ).toThrow(new EmfMetricsError('metric Balance {"Guard":"prod-guard"}: value NaN is not a finite number'));
  });

  it('rejects a dimension value CloudWatch would not accept', () => {
    // Act / Assess
    expect(() =>
      emfDocuments([{ name: 'DaysToExpiry', unit: 'None', value: 1, dimensions: { Guard: '语音' } }], {
        timestamp: NOW,
      }),
    ).toThrow('metric DaysToExpiry {"Guard":"语音"}: dimension Guard must be printable ASCII, got "语音"');
  });

  it('rejects a metric without dimensions', () => {
    // Act / Assess
    expect(() =>
      emfDocuments([{ name: 'CycleCompleted', unit: 'Count', value: 1, dimensions: {} }], { timestamp: NOW }),
    ).toThrow('metric CycleCompleted {}: needs 1 to 30 dimensions, has 0');
  });
});
