// The package's component provider: serves ScimIntegration to Pulumi programs in any language
// through the SDK's componentProviderHost. The CLI starts it through the Node.js language host's
// RunPlugin; the schema is derived from the TypeScript sources in this directory and what they
// import (provider/integration/componentPackage.ts), read by the SDK's analyzer at run time.
import * as path from "path";
import { componentProviderHost } from "@pulumi/pulumi/provider/experimental";
import { ScimIntegration } from "../provider/integration/componentPackage";

void componentProviderHost({
    name: "cxone-okta-scim",
    components: [ScimIntegration],
    // this file runs compiled (dist/plugin/index.js); the analyzer reads the sources beside
    // PulumiPlugin.yaml, with their tsconfig.json and package.json
    dirname: path.resolve(__dirname, "..", "..", "plugin"),
});
