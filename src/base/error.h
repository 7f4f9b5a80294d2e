/*
 * error — one sentence for a person, carried from where a thing failed to the
 * one place that shows it.  Fixed-size, so error paths allocate nothing.
 */
#ifndef KYODO_ERROR_H
#define KYODO_ERROR_H

#define KYODO_PRINTFLIKE(f, a) __attribute__((format(printf, f, a)))

struct error {
	char text[512];
	int field;	/* index of the field at fault in its kind, or -1 */
};

/* Sets the sentence (already translated by the caller) and clears field. */
void error_set(struct error *err, const char *fmt, ...) KYODO_PRINTFLIKE(2, 3);
/* Names the field at fault (index in its kind); err may be NULL. */
void error_field(struct error *err, int field);
/* Clears err; a NULL err is allowed everywhere an error is taken. */
void error_clear(struct error *err);

#endif
