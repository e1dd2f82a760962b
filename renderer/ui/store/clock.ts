/** A wall clock that wakes its subscribers once a second, and only while someone listens. */
export interface Clock {
  now(): number;
  subscribe(listener: () => void): () => void;
}

export function createTickingClock(readTime: () => number = Date.now): Clock {
  const listeners = new Set<() => void>();
  let current = readTime();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    // Aim just past the next whole second so every cell flips together and drift does not add up.
    timer = setTimeout(tick, 1000 - (current % 1000) + 5);
  };
  const tick = () => {
    current = readTime();
    for (const listener of listeners) listener();
    schedule();
  };

  return {
    now() {
      if (timer === undefined) current = readTime();
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (timer === undefined) {
        current = readTime();
        schedule();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== undefined) {
          clearTimeout(timer);
          timer = undefined;
        }
      };
    },
  };
}
