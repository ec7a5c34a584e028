// The language host's own command line, as the Pulumi CLI builds it: optional flags in either dash
// style, --tracing with its URL joined or apart, --root with a directory, and the engine address as
// the last plain argument.
import { strict as assert } from "assert";
import { hostArguments } from "../../langhost/hostArguments";

describe("language host: its command line, flag by flag", () => {
    it("no arguments: no engine address, no tracing", () => {
        assert.deepEqual(hostArguments([]), { engineAddress: "", tracing: undefined });
    });
    it("--tracing and -tracing take the next argument as the URL", () => {
        for (const flag of ["--tracing", "-tracing"])
            assert.deepEqual(hostArguments([flag, "http://zipkin:9411", "127.0.0.1:5000"]), {
                engineAddress: "127.0.0.1:5000",
                tracing: "http://zipkin:9411",
            });
    });
    it("--tracing=URL and -tracing=URL: everything after the first = is the URL", () => {
        for (const flag of ["--tracing", "-tracing"])
            assert.deepEqual(hostArguments([`${flag}=http://zipkin:9411/?a=b`, "127.0.0.1:5000"]), {
                engineAddress: "127.0.0.1:5000",
                tracing: "http://zipkin:9411/?a=b",
            });
    });
    it("an empty tracing URL is no tracing", () => {
        assert.equal(hostArguments(["--tracing=", "127.0.0.1:5000"]).tracing, undefined);
    });
    it("--root and -root consume their directory: it is never the engine address", () => {
        for (const flag of ["--root", "-root"])
            assert.equal(
                hostArguments(["127.0.0.1:7", flag, "/repo"]).engineAddress,
                "127.0.0.1:7",
            );
    });
    it("other flags are skipped wherever they stand", () => {
        assert.equal(
            hostArguments(["127.0.0.1:7", "--logtostderr", "-v=9"]).engineAddress,
            "127.0.0.1:7",
        );
    });
});
