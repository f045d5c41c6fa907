// Provenance tags from the sponge-standards digest (§0.1). Every shipped parameter table carries one,
// so the UI/CLI can say "(unverified)" where the primary text was not checked.

/** V verified, C corroborated, R recalled (provisional), D design recommendation, X unverified/unknown. */
export type ProvenanceTag = 'V' | 'C' | 'R' | 'D' | 'X';

export interface Provenance {
  tag: ProvenanceTag;
  /** Document or origin of the values, e.g. "Guideline 2014 table 径流系数". */
  source: string;
  /** Clause or table number when known. */
  clause?: string;
  /** Free note (caveats, what was not checked). */
  note?: string;
}

export const PROVENANCE_TAGS: Readonly<Record<ProvenanceTag, string>> = {
  V: 'verified against a public copy/excerpt of the source text',
  C: 'corroborated by two or more independent secondary sources; primary text not seen',
  R: 'recalled from the standard as commonly published; not re-verified (provisional)',
  D: 'design recommendation of this platform, not a requirement of any standard',
  X: 'could not be verified, conflicting or unknown; not authoritative',
};

/** True when a result based on this table may be labelled "per standard" without caveat. */
export function isAuthoritative(p: Provenance): boolean {
  return p.tag === 'V' || p.tag === 'C';
}

/** Short label for reports: "[R] Guideline 2014 table ... (provisional)". */
export function provenanceLabel(p: Provenance): string {
  const caveat = p.tag === 'R' ? ' (provisional)' : p.tag === 'X' ? ' (unverified)' : p.tag === 'D' ? ' (design default)' : '';
  const clause = p.clause ? `, ${p.clause}` : '';
  return `[${p.tag}] ${p.source}${clause}${caveat}`;
}

/** A table shipped with the package: its values plus where they come from. */
export interface ProvenancedTable<T> {
  id: string;
  title: string;
  provenance: Provenance;
  rows: readonly T[];
}

/** Checks that a provenance record is complete; returns the problems found (empty when fine). */
export function provenanceProblems(p: Partial<Provenance> | undefined): string[] {
  if (!p) return ['missing provenance'];
  const problems: string[] = [];
  if (!p.tag || !(p.tag in PROVENANCE_TAGS)) problems.push(`bad tag ${String(p.tag)}`);
  if (!p.source || p.source.trim() === '') problems.push('missing source');
  return problems;
}
