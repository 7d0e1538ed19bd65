// One copy of each repeated string in a scan's records. The SDK's XML parser makes a new string for
// every occurrence, so 20,000 volumes would hold 20,000 copies of 'gp3', of their AZ and state and
// of their key's 75-character ARN (a third of the records' string memory in P4). A scan of one
// region shares one table, so a snapshot's volume id is the volume record's own id string; the
// table is dropped with the scan, so nothing outlives the records that use it.
export type Intern = (value: string) => string;

export function newIntern(): Intern {
  const known = new Map<string, string>();
  return (value) => {
    const existing = known.get(value);
    if (existing !== undefined) return existing;
    known.set(value, value);
    return value;
  };
}

// For fields the records keep as they come (no table): the identity.
export const keepAsIs: Intern = (value) => value;
