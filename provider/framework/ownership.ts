// Which stack owns an object: a marker the product writes where CXone or Okta keeps free text (the
// role's description, the Okta app's admin notes), so that adopting can never take over an object
// that another stack, or a person, manages. Pure: no I/O.

/** The owner of this program's objects: `project/stack`. */
export type Owner = string;

const MARKER = /\[pulumi stack: ([^\]\s]+)\]/;

/** The marker written into free text, e.g. `[pulumi stack: cxone-okta-scim/dev]`. */
export const ownerMarker = (owner: Owner): string => `[pulumi stack: ${owner}]`;

/** The owner named by a marker inside `text`, or undefined when there is none. */
export function ownerIn(text: unknown): Owner | undefined {
    return typeof text === "string" ? MARKER.exec(text)?.[1] : undefined;
}

/** `text` with the owner's marker at its end (every earlier marker removed: one mark, ours). */
export function withMarker(text: string, owner: Owner): string {
    const bare = text.replace(new RegExp(MARKER.source, "g"), "").trim();
    return bare ? `${bare} ${ownerMarker(owner)}` : ownerMarker(owner);
}

/** What is being adopted, for the messages. */
export interface Candidate {
    /** e.g. `CXone role "SCIM Access Key"` */
    what: string;
    /** the live object's id */
    id: string;
    /** the owner its free text names, if any */
    markedBy?: Owner;
}

/** What the operator asked for. */
export interface AdoptionRequest {
    /** this stack (`project/stack`), when known */
    owner?: Owner;
    /** the explicit id the operator gave (e.g. adoptRoleId) */
    explicitId?: string;
    /** the input that takes that id, for the hint (e.g. `adoptRoleId`) */
    idInput: string;
    /** what to change instead of adopting (e.g. `roleName`) */
    renameInput: string;
}

/**
 * Undefined when the object is demonstrably ours (our marker, or the id the operator named);
 * otherwise why it is refused. The hints never suggest a step that takes over another stack's
 * object: an object marked by another stack gets only "choose another name".
 */
export function adoptionRefusal(c: Candidate, r: AdoptionRequest): string | undefined {
    if (r.explicitId !== undefined && r.explicitId !== "") {
        if (r.explicitId !== c.id) {
            return `${c.what} already exists with id ${c.id}, not the ${r.idInput} "${r.explicitId}" you gave`;
        }
        if (c.markedBy && r.owner && c.markedBy !== r.owner) {
            return `${c.what} (id ${c.id}) is managed by Pulumi stack ${c.markedBy}, not ${r.owner}: it is not adopted; choose another ${r.renameInput}`;
        }
        return undefined;
    }
    if (c.markedBy && r.owner && c.markedBy === r.owner) return undefined;
    if (c.markedBy) {
        return `${c.what} (id ${c.id}) is managed by Pulumi stack ${c.markedBy}: it is not adopted; choose another ${r.renameInput}`;
    }
    return (
        `${c.what} (id ${c.id}) carries no mark of this stack, so it is not adopted; choose another ` +
        `${r.renameInput}, or, only if you made it yourself and no other stack manages it, ` +
        `set ${r.idInput}: "${c.id}"`
    );
}
