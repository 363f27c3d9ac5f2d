import type messages from '../../public/_locales/en/messages.json';

/** A key of public/_locales/<lang>/messages.json; English is the reference every locale follows. */
export type MessageKey = keyof typeof messages;
