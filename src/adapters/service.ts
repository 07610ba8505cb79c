/** A running platform connection that can be shut down cleanly. */
export interface Service {
  stop(): Promise<void>;
}
