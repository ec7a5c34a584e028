// The loopback server for one mocha suite, standing in for CXone where the sandbox never answers
// so: started before the suite's first test, stopped after its last, its log emptied before each
// test. The server exists once the suite runs, so a test reaches it through the function returned.
import { startLocalServer, type LocalServer } from "./loopbackServer";

export function loopbackForSuite(): () => LocalServer {
    let srv: LocalServer | undefined;
    before(async () => {
        srv = await startLocalServer();
    });
    after(async () => {
        await srv?.stop();
    });
    beforeEach(() => {
        srv!.seen = [];
    });
    return () => srv!;
}
