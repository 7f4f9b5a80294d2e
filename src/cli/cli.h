/*
 * cli — the command line: one file per subcommand (cmd-*.c), each exporting
 * one `const struct cmd_entry`, listed in cli.c.  --help is generated from the
 * entry, so usage, help and parsing never disagree.
 *
 * Exit status: 0 done; 1 refused or failed (one sentence on stderr);
 * 2 wrong usage.
 */
#ifndef KYODO_CLI_H
#define KYODO_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/actor.h"
#include "base/error.h"
#include "store/store.h"

#define EXIT_DONE 0
#define EXIT_REFUSED 1
#define EXIT_USAGE 2

struct cmd_opt {
	const char *name;	/* without the leading "--" */
	const char *arg;	/* "FILE"; NULL for a flag */
	const char *help;	/* English msgid */
};

#define CMD_MAX_ARGS 64

struct cmd_args {
	int npos;
	const char *pos[CMD_MAX_ARGS];
	int nopt;
	struct {
		const char *name;
		const char *value;	/* "" for a flag */
	} opt[CMD_MAX_ARGS];
};

struct cmd_entry {
	const char *name;	/* "list", "staff add" */
	const char *synopsis;	/* after the name: "KIND --db FILE [--month YYYY-MM]" */
	const char *summary;	/* English msgid */
	const struct cmd_opt *opts;	/* ends with {NULL} */
	int min_pos, max_pos;	/* positional arguments allowed */
	bool field_opts;	/* also takes --FIELD VALUE for the KIND's fields */
	int (*exec)(const struct cmd_entry *self, const struct cmd_args *args);
	/* Extra help after the options (e.g. the fields of each kind); may be NULL. */
	/* After the options in --help; returns the exit status (EXIT_USAGE
	 * when what was asked about does not exist). */
	int (*more_help)(const struct cmd_entry *self, const struct cmd_args *args);
};

/* Runs the subcommand named at argv[0..]; returns the exit status, or -1
 * when argv names no subcommand. */
int cli_main(int argc, char **argv);
/* Prints the subcommands with their summaries: all, or those of a group
 * ("staff") when group is not NULL. */
void cli_print_commands(FILE *f, const char *group);

/* The value of --name, or NULL when not given. */
const char *cmd_opt(const struct cmd_args *a, const char *name);
bool cmd_flag(const struct cmd_args *a, const char *name);
/* Prints "kyodo: <sentence>" and the usage line to stderr; returns 2. */
int cmd_usage(const struct cmd_entry *e, const char *fmt, ...) KYODO_PRINTFLIKE(2, 3);
/* Prints "kyodo: <sentence>" to stderr; returns 1. */
int cmd_fail(const char *fmt, ...) KYODO_PRINTFLIKE(1, 2);
/* The store named by --db, else $KYODO_DB, else $XDG_DATA_HOME/kyodo/kyodo.db. */
const char *cmd_db_path(const struct cmd_args *a);
/* Opens that store; prints the reason and returns NULL on failure. */
struct store *cmd_open_store(const struct cmd_args *a);
/* The same, refused (closed, NULL, *rc the usage status) when --center is
 * given at a center's store; *rc is EXIT_REFUSED when it did not open. */
struct store *cmd_open_store_for_center(const struct cmd_entry *self, const struct cmd_args *a,
    int *rc);
/* Writes all of data to stdout; false (with a message) if it could not. */
bool cmd_write_out(const char *data, size_t n);

extern const struct cmd_entry cmd_init_entry, cmd_demo_entry, cmd_staff_add_entry,
    cmd_staff_list_entry, cmd_add_entry, cmd_list_entry, cmd_check_entry,
    cmd_backup_entry, cmd_booking_cancel_entry, cmd_booking_check_in_entry,
    cmd_setting_entry, cmd_report_monthly_entry, cmd_report_year_entry,
    cmd_import_csv_entry, cmd_grant_status_entry, cmd_grant_apply_entry,
    cmd_grant_report_entry, cmd_grant_withdraw_entry, cmd_grant_decide_entry,
    cmd_grant_advance_entry, cmd_grant_settle_entry, cmd_grant_pay_entry,
    cmd_plan_show_entry, cmd_body_show_entry, cmd_body_advance_entry, cmd_key_entry,
    cmd_center_add_entry, cmd_center_list_entry, cmd_export_entry, cmd_import_entry,
    cmd_restore_entry, cmd_delete_entry, cmd_undelete_entry;
extern const struct cmd_entry cmd_report_bookings_entry;

#endif
