/* The commands of the glocal CLI, one file each (cmd_*.c, xliff_*.c,
 * import_*.c), dispatched by main.c.  Each takes the arguments after its
 * name and returns the exit status. */
#ifndef GLOCAL_COMMANDS_H
#define GLOCAL_COMMANDS_H

int cmd_lint(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_coverage(int argc, char **argv);
int cmd_negotiate(int argc, char **argv);
int cmd_compile(int argc, char **argv);
int cmd_preview(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_import_gettext(int argc, char **argv);
int cmd_import_i18next(int argc, char **argv);
int cmd_import_rails(int argc, char **argv);
int cmd_convert(int argc, char **argv);

#endif
