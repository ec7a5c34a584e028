// A stop on an unconfirmed vendor fact: the vendor answered in a way that shows one of the facts the
// product could not confirm (marked guess, seen or sdk in the code, one row of
// docs/vendor-facts/unconfirmed.md) is false for this tenant. The stop comes before the write that
// depends on the fact, and says in the operator's words which fact, what the vendor answered, and
// the manual way on (the console path and the setting to use), so that following it succeeds.
import { VendorError } from "./errors";

/** How sure the project was of the fact (reference marks). */
export type FactMark = "guess" | "seen" | "sdk";

/** One unconfirmed fact as the operator reads it. */
export interface UnconfirmedFact {
    /** the row id, as marked in the code: `[seen:role-create-route]` -> `role-create-route` */
    id: string;
    mark: FactMark;
    /** the fact, e.g. `roles are created with POST /authorization/roleByPermissions` */
    statement: string;
    /** where the project has it from, e.g. `seen only in NICE's test utilities` */
    source: string;
}

/** `[seen:role-create-route]`: the fact's mark with its row id. */
export const markOf = (f: Pick<UnconfirmedFact, "id" | "mark">): string => `[${f.mark}:${f.id}]`;

/** The vendor's answer in one line: status, code and detail, or that none came. */
export function answerOf(e: unknown): string {
    if (e instanceof VendorError) {
        const what =
            e.status === undefined
                ? `no answer from ${e.vendor}${e.code ? ` (${e.code})` : ""}`
                : `${e.vendor} answered HTTP ${e.status}`;
        // without an answer the code is already in `what`, and there is no extra
        const extra = [e.code ? `code ${e.code}` : "", e.detail ?? ""].filter(Boolean).join(": ");
        return extra && e.status !== undefined ? `${what} (${extra})` : what;
    }
    return e instanceof Error ? e.message : String(e);
}

/**
 * The stop. Its message: what could not be done, the vendor's answer, the fact with its mark and
 * source, what was (not) written, and the numbered way on.
 */
export class UnconfirmedFactError extends Error {
    override readonly name = "UnconfirmedFactError";
    readonly fact: UnconfirmedFact;
    /** the vendor's answer, in one line */
    readonly answered: string;
    readonly wayOn: string[];
    /** the vendor error behind it, when there was one */
    readonly vendorError?: VendorError;

    constructor(o: {
        /** what could not be done, e.g. `create CXone role "SCIM Access Key"` */
        operation: string;
        fact: UnconfirmedFact;
        /** the vendor's answer (an error, or a description of the answer's shape) */
        answer: unknown;
        /** what this step wrote (default: nothing) */
        written?: string;
        wayOn: string[];
    }) {
        const answered = answerOf(o.answer);
        super(
            [
                `could not ${o.operation}: ${answered}.`,
                `This rests on a fact the project could not confirm ${markOf(o.fact)}: ` +
                    `${o.fact.statement} (${o.fact.source}); your tenant answers otherwise.`,
                o.written ?? "Nothing was written for this step.",
                "The way on:",
                ...o.wayOn.map((s, i) => `  ${i + 1}. ${s}`),
                "(docs/vendor-facts/unconfirmed.md lists every such fact.)",
            ].join("\n"),
        );
        this.fact = o.fact;
        this.answered = answered;
        this.wayOn = o.wayOn;
        if (o.answer instanceof VendorError) this.vendorError = o.answer;
    }
}

/**
 * True for an answer that says the route itself does not exist here: 405 or 501, or a 404 that
 * does not name a missing object (a vendor code such as ROLE_NOT_FOUND means the route exists).
 */
export function routeAbsent(e: unknown): boolean {
    if (!(e instanceof VendorError)) return false;
    if (e.status === 405 || e.status === 501) return true;
    // Stryker disable next-line StringLiteral: no code is tested as "", which matches no code either way
    return e.status === 404 && !/^[A-Z0-9]+(_[A-Z0-9]+)*_NOT_FOUND$/.test(e.code ?? "");
}
