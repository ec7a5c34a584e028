// Reads a secret and a plain stack config value and exports both (test/langhost/main.engine.test.ts):
// secret config must reach the program through the CLI and the language host, and stay secret.
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config("test");
export const token = config.requireSecret("token");
export const plain = config.require("plain");
