// Loaded by every provider module, so it runs inside the dynamic-provider process. For an error from
// check, diff, read or delete, the SDK's provider host both prints `${e}: ${e.stack}` to stderr and
// returns the error to the engine, which prints its message again: an operator saw one CXone 401 three
// times, with a JS stack trace. Errors of this package are already in the operator's words, so only
// that stack print is dropped; any other error (a bug) keeps its stack.
import { startTranscript, transcriptSetting } from "../core/transcript";

const OURS =
    /^(?:Cxone\w*Error|Okta\w*Error|VendorError|PartialCreateError|RegionError): [^\n]*\n\s+at /;
// a stop on an unconfirmed fact spans lines (the way on): its print repeats the whole message
const OURS_MULTILINE = /^(UnconfirmedFactError: [\s\S]+?): \1\n\s+at /;
const MARK = Symbol.for("cxone-okta-scim.quietProviderErrors");

type Global = typeof globalThis & { [MARK]?: boolean };

if (!(globalThis as Global)[MARK]) {
    (globalThis as Global)[MARK] = true;
    // the opt-in redacted transcript of every vendor exchange (provider/core/transcript.ts)
    startTranscript(transcriptSetting());
    const print = console.error.bind(console);
    console.error = (...args: unknown[]) => {
        if (args.length === 1 && typeof args[0] === "string" && isOurStackPrint(args[0])) return;
        print(...args);
    };
}

/** The SDK host's `${e}: ${e.stack}` for one of this package's errors (exported for tests). */
export function isOurStackPrint(text: string): boolean {
    return OURS.test(text) || OURS_MULTILINE.test(text);
}
