/*
 * syncpage — what the views of the sync screen share: its state, the head
 * drawn above every view (this store's key fingerprint, the last export
 * and import, the machine warning), the cursor of its lists, and work done
 * under a progress bar that ends on the result page.  sync.c is the screen
 * (the sticks, the folder, a center's export), syncimport.c the imports,
 * synccity.c city hall's centers and its exports.
 */
#ifndef KYODO_SCREENS_SYNCPAGE_H
#define KYODO_SCREENS_SYNCPAGE_H

#include <limits.h>
#include <stdbool.h>

#include "sync/keys.h"
#include "sync/stick.h"
#include "screens.h"
#include "sync/synclog.h"
#include "tui/app.h"
#include "tui/lineedit.h"
#include "tui/linelog.h"

/* Write the file (F2) and use the chosen folder or center (Enter). */
extern const struct action_def act_export, act_choose;

/* The rows of the head as last drawn: title, store and fingerprint (the
 * fingerprint on rows of its own when it does not fit beside the store),
 * last export, last import, the warning wrapped, line.  6 at 80 columns in
 * English with no long warning. */
#define SYNCPAGE_HEAD_ROWS syncpage_head_rows()
int syncpage_head_rows(void);

enum syncpage_view {
	SYNCPAGE_STICKS, SYNCPAGE_FOLDER, SYNCPAGE_CENTERS, SYNCPAGE_RESULT,
	SYNCPAGE_KEYS,		/* the key files in the folder (synckey.c) */
	SYNCPAGE_KEYFORM,	/* city hall: the center's code and name */
	SYNCPAGE_KEYCHECK	/* both fingerprints, then y/n */
};

struct syncpage_file {
	struct stick_file f;
	char taken[17];		/* when it was imported here, local; "" if never */
};

struct syncpage_center {
	char code[17];
	char name[128];
};

struct syncpage {
	struct app *app;
	enum syncpage_view view;
	bool city;
	/* What the head shows. */
	char fingerprint[32];
	bool same_machine, peer_key;
	bool has_export, has_import;
	struct synclog_entry last_export, last_import;
	char info_err[512];
	/* Step 1: the sticks, and a folder typed in (the row after them). */
	char *sticks[STICK_MAX];
	int nsticks;
	struct lineedit typed;
	/* Step 2: the folder chosen and the files in it addressed here. */
	char folder[PATH_MAX];
	struct syncpage_file *files;
	int nfiles, nother;
	char folder_err[512];
	/* At city hall: the centers to export for (row 0: all of them). */
	struct syncpage_center *centers;
	int ncenters;
	/* A public key file from the folder (synckey.c): the files, the one
	 * chosen as read, the code and name typed at city hall (the cursor is
	 * the field: 0 or 1), and the key enrolled now under that code, if
	 * any. */
	char *keyfiles[STICK_MAX];
	int nkeyfiles;
	char keyfile[256];
	struct public_key key, key_old;
	bool key_exists;
	char key_fp[32], key_old_fp[32];
	struct lineedit key_code, key_name;
	/* Step 3: what happened. */
	struct linelog lines;
	/* The list under the cursor in the current view. */
	int cur, top;
	/* Work in progress, drawn by the progress callback; kept after. */
	bool working;
	char work_title[PATH_MAX + 64];
	char work_what[128];
	long work_done, work_total;
	bool bar_shown;
	const struct action_def *acts[16];	/* what the screen's actions() returns */
};

/* Reads the head's fingerprint, sync log and machine again. */
void syncpage_load_info(struct app *a, struct syncpage *y);
/* Reads the folder again; true when what it shows changed. */
bool syncpage_scan_files(struct app *a, struct syncpage *y);
void syncpage_draw_head(struct app *a, struct syncpage *y);
/* A fingerprint under or beside its label from row on, whole (a group of
 * four never split); returns the next row. */
int syncpage_draw_fingerprint(int row, const char *label, const char *fp);

/* Why an export was refused, in the screen's words: the core's sentence
 * for a store on another machine names a command; here F7 accepts it.
 * Returns err's text or buf. */
const char *syncpage_export_why(struct app *a, const struct error *err, char *buf,
    size_t size);

/* To view v, the cursor on its first row. */
void syncpage_go(struct syncpage *y, enum syncpage_view v);
/* Rows for the current view's list, below the head and its heading. */
int syncpage_list_rows(void);
/* ↑ ↓ PgUp PgDn Home End over the current view's list: RES_* bits, 0 for
 * another key. */
int syncpage_move(struct syncpage *y, struct key k);
/* Scrolls the list so the cursor's row is among rows. */
void syncpage_keep_visible(struct syncpage *y, int rows);
/* One row of a list across the screen, highlighted when selected. */
void syncpage_draw_row(int row, const char *text, bool selected, enum tui_attr attr);

/* Work begins: the title (printf-style) over a bar at 0, drawn now; the
 * result's lines are the caller's to clear. */
void syncpage_work_begin(struct syncpage *y, const char *fmt, ...) KYODO_PRINTFLIKE(2, 3);
/* The core's progress callback (ctx is the syncpage): draws the bar. */
void syncpage_progress(void *ctx, const char *what, long done, long total);
/* Work ended: the result page, with the head and the folder read again. */
void syncpage_show_result(struct app *a, struct syncpage *y);
/* The work's title, bar and step from row on. */
void syncpage_draw_working(struct syncpage *y, int row);
/* The result page from row, in rows rows: the finished bar, what it last
 * said and the lines, scrolled as a whole. */
void syncpage_draw_result(struct syncpage *y, int row, int rows);
/* The result page's keys: it scrolls a row or a page at a time. */
int syncpage_scroll_result(struct syncpage *y, struct key k);

#endif
