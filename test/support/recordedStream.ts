// The server side of one gRPC server-streaming call, for calling a language host handler in process
// (InstallDependencies, RunPlugin): the request, every message written, the end, the error the
// handler emitted (grpc-js sends it as the call's status), and the CLI's cancel.
import { EventEmitter } from "events";

export class RecordedStream<Req, Res> extends EventEmitter {
    readonly written: Res[] = [];
    ended = false;
    cancelled = false;
    failure?: { code: number; details: string };
    /** resolves on the end or the first error */
    readonly done: Promise<void>;
    constructor(readonly request: Req) {
        super();
        this.done = new Promise((resolve) => {
            this.on("error", (e: { code: number; details: string }) => {
                this.failure ??= e;
                resolve();
            });
            this.on("ended", () => resolve());
        });
    }
    get writableEnded(): boolean {
        return this.ended;
    }
    write(message: Res): boolean {
        this.written.push(message);
        return true;
    }
    end(): void {
        this.ended = true;
        this.emit("ended");
    }
    /** the CLI cancels the call */
    cancel(): void {
        this.cancelled = true;
        this.emit("cancelled");
    }
    /** the handler's view of it: the grpc-js call type it expects */
    as<T>(): T {
        return this as unknown as T;
    }
}
