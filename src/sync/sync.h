/*
 * sync — the monthly file between a center and city hall (the USB stick).
 *
 * A file carries an SQLite database, built in memory and serialized, with a
 * bundle_meta table and one table per record kind: from a center, a full
 * snapshot of every row it owns (tombstones too); from the city, the
 * programmes and its decisions on that center's applications.  Outside, it
 * is encrypted to the receiver (crypto_box_seal of a file key, then
 * crypto_secretstream) and signed by the sender (Ed25519 over the whole
 * file).  No plaintext of it touches a disk.
 *
 * Reading verifies everything before touching the store: magic and format,
 * that it is addressed here, the sender's enrolled key and signature, that
 * the name matches the signed header, decryption, SQLite integrity, schema;
 * then applies rows by ownership and version in one transaction.  Importing
 * the same file twice, or an older one after a newer, changes nothing.
 *
 * On disk: kyodo-<sender>-to-<receiver>-<YYYYMMDD-HHMMSS>.kyodo, written to
 * a temporary name, fsynced, read back and compared, renamed, and the
 * folder fsynced; a failed write leaves no file under the final name.
 *
 * Here: export and import, end to end.  The outer format and its crypto
 * are envelope.h's, the verified writing verified.h's.
 */
#ifndef KYODO_SYNC_H
#define KYODO_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "base/actor.h"
#include "base/error.h"
#include "domain/record.h"
#include "store/store.h"
#include "merge.h"

/* 2: the inner tables are bundle_create_sql()'s, checked to the letter. */
#define SYNC_FORMAT 2
/* A monthly file of a center with thirty years of records is a few tens of
 * megabytes; anything larger is refused before it is read. */
#define SYNC_FILE_MAX (64L * 1024 * 1024)


/* Writes this store's file for peer into dir; path (PATH_MAX) gets the
 * file's path.  A center writes to "city"; the city to one center. */
bool sync_export(struct store *s, const struct actor *who, const char *peer, const char *dir,
    char *path, const struct sync_progress *p, struct error *err);


/* Verifies and applies one file.  On refusal the store is unchanged and err
 * has one sentence saying why. */
bool sync_import(struct store *s, const struct actor *who, const char *path,
    struct sync_result *res, const struct sync_progress *p, struct error *err);
/* As sync_import on bytes in memory (path names the file, for the name check
 * and the log; NULL skips both).  The fuzz target's entry point. */
bool sync_import_bytes(struct store *s, const struct actor *who, const char *path,
    const unsigned char *data, size_t n, struct sync_result *res,
    const struct sync_progress *p, struct error *err);

/* Files applied in one transaction by sync_import_files: a batch ends at
 * this many files or once its files reach SYNC_BATCH_BYTES, since each is
 * held in memory, read and checked, before the store is locked. */
#define SYNC_BATCH 9
#define SYNC_BATCH_BYTES (32L * 1024 * 1024)

/* Verifies and applies several files, a batch to a transaction.  Each file
 * stands or falls alone, as with sync_import (ok[i], res[i], errs[i]),
 * whatever refuses it, but the store is written once per batch: at city
 * hall every center's rows land all over the same index pages, and a
 * commit per file rewrote them once per file. */
void sync_import_files(struct store *s, const struct actor *who, const char *const *paths, int n,
    struct sync_result *res, bool *ok, struct error *errs, const struct sync_progress *p);


#endif
