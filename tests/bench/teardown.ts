// What must be undone however the run ends: normal finish, thrown error, Ctrl-C or `kill`.
// Each step has an async form (graceful) and a sync form for process "exit", where nothing async runs.

export interface TeardownStep {
  label: string;
  run: () => Promise<void>;
  runNow: () => void;
}

const steps: TeardownStep[] = [];

/** Registers a step, run last-in first-out; returns a function that unregisters it once it is no longer needed. */
export function atTeardown(step: TeardownStep): () => void {
  steps.push(step);
  return () => {
    const i = steps.indexOf(step);
    if (i !== -1) steps.splice(i, 1);
  };
}

/** Runs every registered step once, newest first; a failing step is reported and the rest still run. */
export async function teardown(): Promise<void> {
  for (let step = steps.pop(); step; step = steps.pop()) {
    try {
      await step.run();
    } catch (err) {
      console.error(`bench: teardown "${step.label}" failed: ${(err as Error).message}`);
    }
  }
}

/** The synchronous last resort, for process "exit". */
export function teardownNow(): void {
  for (let step = steps.pop(); step; step = steps.pop()) {
    try {
      step.runNow();
    } catch {
      // Exiting anyway; nothing better to do.
    }
  }
}
