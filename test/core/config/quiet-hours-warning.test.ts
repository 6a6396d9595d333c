/** A daily check inside quiet hours is valid, but its alerts wait: validate says so. */
import { loadGuardConfig } from '../../../lambda/app/load-config';

function warningsFor(settings: Record<string, unknown>) {
  const result = loadGuardConfig({
    overrides: {
      version: 1,
      timeZone: 'Europe/Berlin',
      ...settings,
      services: [{ id: 'calls', name: 'Calls', project: 'voice', kind: 'prepaid', owners: ['ops@example.com'] }],
      channels: [{ id: 'ops', type: 'email', to: ['ops@example.com'] }],
      // not about owner email: off, so its warning does not join these
      ownerEmail: { enabled: false },
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.warnings.map((w) => `${w.path}: ${w.message}`);
}

describe('checkTime inside quietHours', () => {
  it('warns, naming the window and when the alerts go out', () => {
    expect(warningsFor({ checkTime: '07:00', quietHours: { from: '22:00', to: '08:00' } })).toEqual([
      "checkTime: 07:00 falls inside quietHours (22:00–08:00): the cycle's non-emergency alerts wait for 08:00; " +
        'the deployed guard runs again then to deliver them, a scheduler of your own running check --send should too',
    ]);
  });

  it('says nothing when the check runs outside the window, including at its end', () => {
    expect(warningsFor({ checkTime: '08:00', quietHours: { from: '22:00', to: '08:00' } })).toEqual([]);
    expect(warningsFor({ checkTime: '21:59', quietHours: { from: '22:00', to: '08:00' } })).toEqual([]);
    expect(warningsFor({ checkTime: '09:00', quietHours: { from: '12:00', to: '14:00' } })).toEqual([]);
  });
});
