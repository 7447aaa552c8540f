// Moved to shared/ so the renderer's schedule editor previews with the same code; re-exported here.
export * from '../../../shared/scheduling';
