// dayjs ships its locale files without declarations; they are imported for their side effect only.
declare module 'dayjs/locale/*.js';
