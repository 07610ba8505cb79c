import { adapterMessages } from "../messages.js";

/** What the terminal says around an answer, in the answer's language. */
export const terminalMessages = adapterMessages;
