/** Pino-compatible subset; the runtime is handed one, never imports a global. */
export interface DigestLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
