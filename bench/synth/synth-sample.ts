/** What one synth child reports. */
export interface SynthSample {
  readonly services: number;
  readonly accounts: number;
  /** `file`: a generated config file (`configFile`); `props`: the services as typed props. */
  readonly mode: 'file' | 'props';
  readonly synthMs: number;
  /** CPU time of the process (user + system, all its threads) over the same span. */
  readonly synthCpuMs: number;
  /** Where the time went: the construct's config validation, props conversion and code staging, the rest. */
  readonly phasesMs: {
    readonly validateConfig: number;
    readonly propsDocument: number;
    readonly stageCode: number;
    readonly constructOther: number;
    readonly appSynth: number;
  };
  readonly resourceCount: number;
  readonly resourceTypes: Readonly<Record<string, number>>;
  readonly templateBytes: number;
  readonly stagedConfigBytes: number;
  readonly configFileBytes: number;
}
