// Counts I/O in flight (HTTP requests, cache writes). `idle()` lets tests and benchmarks on a virtual
// clock wait until everything started "at this instant" has finished before moving time on.
export class IoTracker {
  private readonly inFlight = new Set<Promise<unknown>>();

  track<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.inFlight.add(p);
    const done = () => this.inFlight.delete(p);
    p.then(done, done);
    return p;
  }

  get size(): number {
    return this.inFlight.size;
  }

  /** Resolves once nothing is in flight across a few event-loop turns (work started by work has begun). */
  async idle(): Promise<void> {
    let quiet = 0;
    while (quiet < 3) {
      if (this.inFlight.size > 0) {
        quiet = 0;
        await Promise.allSettled([...this.inFlight]);
      } else {
        quiet++;
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
