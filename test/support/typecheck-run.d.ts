/** Types of typecheck-run.js (a CommonJS module: the test sequencer loads it untransformed). */

/** What one tsc run printed, and its exit code. */
export interface TscRun {
  readonly code: number | null;
  readonly output: string;
}

/** Deliberate type errors, each line marked with the code tsc must report there. */
export declare const ERRORS_DIR: string;
/** Starts both runs now; their results land in a temporary file named by SSB_TYPECHECK_RESULT. */
export declare function startTypecheck(): void;
/** Removes the results of a run started by {@link startTypecheck} (the global teardown). */
export declare function removeTypecheckResults(): void;
/** The results of the run the sequencer started, once written; or of a run started now. */
export declare function typecheckResults(): Promise<{ readonly sources: TscRun; readonly errors: TscRun }>;
