// A save or load runs every few minutes with full garbage collections in between. When every object of
// one shape (hidden class) is gone, V8 drops that shape, and with it the optimized code and type feedback
// of the loops that used it: each save would start cold and spend more time recompiling than encoding.
// One small example of each shape, kept for the life of the process, keeps those loops optimized.

const examples: object[] = [];

/** Keeps one example of each of these object shapes alive for the life of the process. */
export function keepShapes(...shapes: object[]): void {
  examples.push(...shapes);
}
