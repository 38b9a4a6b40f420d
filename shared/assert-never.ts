// The end of every switch over a union: a new member fails to compile until it is handled.
// A module of its own so that code on the phone can use it without pulling in what else its
// former home (aggregate/tally.ts) imports – the Danish stemmer and stop words.
export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}
