/*
 * migrations — the schema steps in data/NNNN_name.sql, embedded at build
 * time (tools/embed-sql.sh).  Step i brings a store to user_version i+1.
 */
#ifndef KYODO_MIGRATIONS_H
#define KYODO_MIGRATIONS_H

struct migration {
	const char *name;
	const char *sql;
};

extern const struct migration migrations[];
extern const int migrations_count;

#endif
