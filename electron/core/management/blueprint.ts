// Moved to shared/ so the renderer checks a chosen file at once with the same code; re-exported here.
export * from '../../../shared/blueprint';
