// A test program's parameters: the test sets them as stack config (`test:params`, JSON), so the
// program can run in its own process under the CLI and still be told what to declare.
import * as pulumi from "@pulumi/pulumi";

export function params<T>(): T {
    return new pulumi.Config("test").requireObject<T>("params");
}
