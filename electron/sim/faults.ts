// Injected faults for the Make API routes (never the control API): added latency, a share of 5xx
// answers, connection resets, malformed or truncated JSON, and a 429 storm. Decisions come from a
// seeded stream, so a test that sets `errorRate: 0.5` sees the same sequence every run.
import { Rng, hash32 } from './world/rng';

export interface FaultConfig {
  /** Added to every API response, real milliseconds. */
  latencyMs: number;
  /** Share of requests answered with 500/502/503. */
  errorRate: number;
  /** Share of requests whose connection is destroyed without an answer. */
  resetRate: number;
  /** Share of responses whose body is not JSON at all. */
  malformedRate: number;
  /** Share of responses whose JSON is cut off half-way. */
  truncatedRate: number;
  /** Every API request gets 429 while on. */
  storm429: boolean;
}

export const NO_FAULTS: FaultConfig = { latencyMs: 0, errorRate: 0, resetRate: 0, malformedRate: 0, truncatedRate: 0, storm429: false };

export interface FaultDecision {
  latencyMs: number;
  reset: boolean;
  serverError: 500 | 502 | 503 | null;
  storm429: boolean;
  malformed: boolean;
  truncated: boolean;
}

export class Faults {
  private config: FaultConfig = { ...NO_FAULTS };
  private rng: Rng;

  constructor(private readonly seed: number) {
    this.rng = new Rng(hash32(seed, 0xfa17));
  }

  get(): FaultConfig {
    return { ...this.config };
  }

  set(patch: Partial<FaultConfig>): FaultConfig {
    this.config = { ...this.config, ...patch };
    return this.get();
  }

  clear(): void {
    this.config = { ...NO_FAULTS };
    this.rng = new Rng(hash32(this.seed, 0xfa17));
  }

  decide(): FaultDecision {
    const c = this.config;
    const r = () => this.rng.next();
    const reset = c.resetRate > 0 && r() < c.resetRate;
    const err = !reset && c.errorRate > 0 && r() < c.errorRate;
    return {
      latencyMs: c.latencyMs,
      reset,
      serverError: err ? ([500, 502, 503] as const)[Math.floor(r() * 3)] ?? 500 : null,
      storm429: c.storm429,
      malformed: c.malformedRate > 0 && r() < c.malformedRate,
      truncated: c.truncatedRate > 0 && r() < c.truncatedRate,
    };
  }
}
