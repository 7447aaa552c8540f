// Moved to shared/ so the renderer can preview schedules with the same code; re-exported for the engine.
export * from '../../../shared/zoned-time';
