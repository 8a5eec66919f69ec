/** A web worker of the live study: each message is a block of seeds for the kernel, answered with their outcomes. */
import { studyOnKernel, type KernelStudyJob } from "../../kernel/study";

self.onmessage = (event: MessageEvent<KernelStudyJob>) => self.postMessage(studyOnKernel(event.data));
