import { attributeMappingsExample } from "./index";

export = attributeMappingsExample();
