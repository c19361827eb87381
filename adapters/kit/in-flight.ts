// Work an adapter has started and stop() must wait for: webhook requests, and replies sent after an ack.

export interface InFlight {
  /** Keeps `work` visible to drain() until it settles; returns it as it is. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves when nothing tracked is left (at once when nothing is). Never rejects. */
  drain(): Promise<void>;
  readonly size: number;
}

export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  return {
    track(work) {
      running.add(work);
      void work.then(
        () => running.delete(work),
        () => running.delete(work),
      );
      return work;
    },
    async drain() {
      // Work started while draining (a request already accepted) is waited for too.
      while (running.size) await Promise.allSettled([...running]);
    },
    get size() {
      return running.size;
    },
  };
}
