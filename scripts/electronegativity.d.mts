// Types of scripts/electronegativity.mjs for its tests.
export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
}
export interface AllowEntry {
  id: string;
  file: string;
  reason: string;
}
export declare const GATED_SEVERITIES: string[];
export declare function toFinding(issue: unknown): Finding;
export declare function toCsv(findings: Finding[]): string;
export declare function readAllowlist(json: unknown): AllowEntry[];
export declare function gate(findings: Finding[], allow: AllowEntry[]): { unlisted: Finding[]; stale: AllowEntry[] };
export declare function scan(input: string): Promise<Finding[]>;
