import { consumerExample } from "./index";

export = consumerExample();
