/* A bundle's `messages:`: argument declarations, variant selectors and the
 * templates, compiled here when they are plain text or simple slots, else by
 * ICU (icu_bridge.cpp). */
#include "load.h"

#include <string.h>

#include "limits.h"

/* ---- declarations and selectors ---- */

static void load_args(gl_bundle_ctx *x, gl_message *m, const ynode *args)
{
    if (!gl_want_kind(x, args, YN_MAP, "`_args`"))
        return;
    m->args = gl_arena_alloc(x->c->arena, (args->n ? args->n : 1) * sizeof(gl_argdecl));
    if (!m->args) {
        gl_load_nomem(x);
        return;
    }
    m->args_declared = true;
    for (size_t i = 0; i < args->n && !gl_load_stopped(x); i++) {
        const ynode *k = args->items[2 * i], *v = args->items[2 * i + 1];
        if (!gl_is_arg_name(k->str)) {
            REPORT_MSG(x, R_SCHEMA, k, m->id, "argument name `%s` must match "
                                              "[A-Za-z_][A-Za-z0-9_]*", k->str);
            continue;
        }
        if (!gl_want_scalar(x, v, "an argument type"))
            continue;
        gl_argtype t = T_ANY;
        for (int j = T_TEXT; j <= LAST_TYPE; j++)
            if (strcmp(v->str, gl_argtype_name((gl_argtype)j)) == 0)
                t = (gl_argtype)j;
        if (t == T_ANY) {
            REPORT_MSG(x, R_SCHEMA, v, m->id, "argument type `%s` is not one of text, number, "
                                              "date, money, code, day", v->str);
            continue;
        }
        const char *name = gl_arena_intern(x->c->arena, k->str, strlen(k->str));
        if (!name || !gl_map_put(&m->arg_index, name, (uint32_t)m->nargs)) {
            gl_load_nomem(x);
            return;
        }
        m->args[m->nargs++] = (gl_argdecl){name, t, TYPE_BIT(t)};
    }
}

/* Parses "formal+sms" into axis values; reports under `selector`. */
static bool parse_selector(gl_bundle_ctx *x, const ynode *k, const char *id,
                           uint16_t ax[GL_MAX_AXES])
{
    memset(ax, 0, GL_MAX_AXES * sizeof(uint16_t));
    if (strcmp(k->str, "other") == 0)
        return true;
    const char *s = k->str;
    while (*s) {
        const char *plus = strchr(s, '+');
        size_t n = plus ? (size_t)(plus - s) : strlen(s);
        uint32_t idx;
        if (!gl_map_getn(&x->c->axis_index, s, n, &idx) || idx == 0) {
            REPORT_MSG(x, R_SELECTOR, k, id, "variant key `%s`: `%.*s` is not an axis value of "
                                             "this catalog", k->str, (int)n, s);
            return false;
        }
        int a = x->c->axisvals[idx].axis;
        if (ax[a]) {
            REPORT_MSG(x, R_SELECTOR, k, id, "variant key `%s` names the %s axis twice",
                       k->str, x->c->axis_name[a]);
            return false;
        }
        ax[a] = (uint16_t)idx; /* base_config.c keeps idx <= GL_MAX_AXIS_VALUES */
        s += n + (plus ? 1 : 0);
        if (plus && !*s) {
            REPORT_MSG(x, R_SELECTOR, k, id, "variant key `%s` ends with `+`", k->str);
            return false;
        }
    }
    return true;
}

/* ---- templates ---- */

/* A template that did not compile stays as empty text, so that lint goes on
 * without reporting the same defect again under other rules (the open has
 * already failed). */
static bool keep_broken(gl_bundle_ctx *x, gl_template *t)
{
    t->kind = TK_LITERAL;
    t->broken = true;
    t->nsels = 0;
    if (!gl_template_alloc_parts(x->c->arena, t, 0))
        return !gl_load_nomem(x);
    t->pieces[0] = t->literal = "";
    t->piece_len[0] = 0;
    return true;
}

/* Where byte `at` of scalar v's text is in the file: exact on one line and
 * in a literal block, the line alone when a flow scalar is folded. */
static void position_in(const ynode *v, size_t at, unsigned *line, unsigned *col)
{
    unsigned lines = 0, cps = 0;
    for (size_t i = 0; i < at && i < v->len; i++) {
        if (v->str[i] == '\n') {
            lines++;
            cps = 0;
        } else {
            cps += ((unsigned char)v->str[i] & 0xC0) != 0x80;
        }
    }
    if (v->block_indent) {
        *line = v->line + 1 + lines;
        *col = v->block_indent + 1 + cps;
    } else {
        *line = v->line + lines;
        *col = lines ? 1 : v->col + (v->quoted ? 1 : 0) + cps;
    }
}

/* An MF2 template (a `syntax: mf2` bundle's); its problems are reported at
 * their own line and column, named as the spec names them. */
static bool compile_mf2(gl_bundle_ctx *x, gl_template *t, const ynode *v, const char *id)
{
    char msg[512];
    size_t at;
    unsigned line, col;
    switch (gl_template_build_mf2(x->c->arena, t, msg, sizeof msg, &at)) {
    case TC_OK:
        return true;
    case TC_NOMEM:
        gl_load_nomem(x);
        return false;
    default:
        position_in(v, at, &line, &col);
        gl_report(x->ld->diag, R_TEMPLATE_SYNTAX, GLOCAL_OK, x->b->file, line, col,
                  x->is_base ? NULL : x->b->locale, id, "`%s`: %s", id, msg);
        return keep_broken(x, t);
    }
}

static bool compile_template(gl_bundle_ctx *x, gl_template *t, const ynode *v,
                             const char *id)
{
    char msg[512];
    t->src = gl_arena_text(x->c->arena, v->str, v->len);
    t->line = v->line;
    t->col = v->col;
    t->id = x->c->ntemplates++;
    if (!t->src)
        return !gl_load_nomem(x);
    if (x->b->mf2)
        return compile_mf2(x, t, v, id);
    switch (gl_template_build(x->c->arena, t, (unsigned)GL_LIMIT(x->ld->limits, TEMPLATE_DEPTH),
                              msg, sizeof msg)) {
    case TC_OK:
        if (t->open_quote)
            gl_report_warning(x->ld->diag, R_TEMPLATE_SYNTAX, x->b->file, v->line, v->col,
                              x->is_base ? NULL : x->b->locale, id,
                              "`%s`: an apostrophe starts a quoted run that never ends, so ICU "
                              "prints the rest of the template as it is; write '' for an "
                              "apostrophe (or use ’)", id);
        return true;
    case TC_NOMEM:
        gl_load_nomem(x);
        return false;
    case TC_DEPTH:
        gl_report(x->ld->diag, R_TEMPLATE_SYNTAX, GLOCAL_ERR_LIMIT, x->b->file, v->line, v->col,
                  x->is_base ? NULL : x->b->locale, id, "`%s`: %s", id, msg);
        return keep_broken(x, t);
    default:
        REPORT_MSG(x, R_TEMPLATE_SYNTAX, v, id, "`%s`: %s", id, msg);
        return keep_broken(x, t);
    }
}

/* ---- variants and messages ---- */

static bool same_axes(const uint16_t *a, const uint16_t *b)
{
    return memcmp(a, b, GL_MAX_AXES * sizeof(uint16_t)) == 0;
}

/* What ranking needs of a key, worked out once: which axes it names and the
 * sum of their weights (base's axes are loaded before any message). */
static void rank_key(const glocal_catalog *c, gl_vkey *key)
{
    key->named = 0;
    key->rank = 0;
    for (int a = 0; a < c->naxes; a++)
        if (key->ax[a]) {
            key->named |= (uint8_t)(1u << a);
            key->rank += c->axis_weight[a];
        }
}

/* The record of the variant key k->str, parsed the first time the catalog
 * meets it; NULL when the key is invalid (reported) or out of memory. */
static const gl_vkey *variant_key(gl_bundle_ctx *x, const ynode *k, const char *id)
{
    gl_load *ld = x->ld;
    uint32_t known;
    glocal_catalog *c = x->c;
    if (gl_map_get(&ld->vkey_index, k->str, &known))
        return c->vkeys[known];
    gl_vkey parsed = {0};
    if (!parse_selector(x, k, id, parsed.ax))
        return NULL;
    rank_key(c, &parsed);
    gl_vkey *key = gl_arena_alloc(c->arena, sizeof(*key));
    const gl_vkey **keys = gl_arena_grow_array(c->arena, c->vkeys, c->nvkeys, sizeof(*keys));
    if (!key || !keys || !(parsed.text = gl_arena_strdup(c->arena, k->str))) {
        gl_load_nomem(x);
        return NULL;
    }
    *key = parsed;
    c->vkeys = keys;
    c->vkeys[c->nvkeys] = key;
    if (!gl_map_put(&ld->vkey_index, key->text, c->nvkeys++)) {
        gl_load_nomem(x);
        return NULL;
    }
    return key;
}

static void add_variant(gl_bundle_ctx *x, gl_msgdef *def, const ynode *k, const ynode *v,
                        const char *id)
{
    gl_variant *var = &def->v[def->nv];
    memset(var, 0, sizeof(*var));
    if (strcmp(k->str, "other") == 0)
        def->other_written = true;
    if (v->kind != YN_SCALAR) {
        REPORT_MSG(x, R_SCHEMA, v, id, "variant `%s` of `%s` must be a template string; "
                                       "message maps do not nest", k->str, id);
        return;
    }
    const gl_vkey *key = variant_key(x, k, id);
    if (!key)
        return;
    for (size_t j = 0; j < def->nv; j++) {
        if (same_axes(def->v[j].key->ax, key->ax)) {
            REPORT_MSG(x, R_SELECTOR, k, id, "variant keys `%s` and `%s` name the same values",
                       def->v[j].key->text, k->str);
            return;
        }
    }
    var->key = key;
    var->line = k->line;
    var->col = k->col;
    if (compile_template(x, &var->tmpl, v, id))
        def->nv++;
}

static void load_message_map(gl_bundle_ctx *x, gl_msgdef *def, gl_message *m,
                             const ynode *map, const char *id)
{
    for (size_t i = 0; i < map->n && !gl_load_stopped(x); i++) {
        const ynode *k = map->items[2 * i], *v = map->items[2 * i + 1];
        if (k->str[0] != '_') {
            if (def->nv == GL_LIMIT(x->ld->limits, VARIANTS)) {
                gl_report(x->ld->diag, R_SCHEMA, GLOCAL_ERR_LIMIT, x->b->file, k->line, k->col,
                          NULL, id, "`%s` has more than the limit of %llu variants", id,
                          (unsigned long long)GL_LIMIT(x->ld->limits, VARIANTS));
                return;
            }
            add_variant(x, def, k, v, id);
        } else if (!x->is_base && (strcmp(k->str, "_args") == 0 || strcmp(k->str, "_note") == 0)) {
            REPORT_MSG(x, R_SCHEMA, k, id, "`%s` belongs in base.yaml only", k->str);
        } else if (strcmp(k->str, "_args") == 0) {
            load_args(x, m, v);
        } else if (strcmp(k->str, "_note") == 0) {
            if (gl_want_scalar(x, v, "`_note`"))
                m->note = gl_arena_strdup(x->c->arena, v->str);
        } else {
            REPORT_MSG(x, R_SCHEMA, k, id, "unknown metadata key `%s` (known: _args, _note)",
                       k->str);
        }
    }
}

static gl_msgdef *load_message(gl_bundle_ctx *x, const ynode *k, const ynode *v, gl_message *m)
{
    if (v->kind == YN_SEQ) {
        REPORT_MSG(x, R_SCHEMA, v, k->str, "message `%s` must be a template or a map of "
                                           "variants, not a list", k->str);
        return NULL;
    }
    size_t nvar = 1; /* room for the variants only, not for _args and _note */
    if (v->kind != YN_SCALAR) {
        nvar = 0;
        for (size_t i = 0; i < v->n; i++)
            nvar += v->items[2 * i]->str[0] != '_';
    }
    gl_msgdef *def = gl_arena_alloc(x->c->arena, sizeof(*def) + nvar * sizeof(gl_variant));
    if (!def) {
        gl_load_nomem(x);
        return NULL;
    }
    memset(def, 0, sizeof(*def));
    def->line = k->line;
    def->col = k->col;
    def->scalar = v->kind == YN_SCALAR;
    if (def->scalar) {
        const ynode other = {.kind = YN_SCALAR, .line = v->line, .col = v->col, .str = "other"};
        gl_variant *var = &def->v[0];
        memset(var, 0, sizeof(*var));
        var->key = variant_key(x, &other, k->str);
        var->line = v->line;
        var->col = v->col;
        if (var->key && compile_template(x, &var->tmpl, v, k->str))
            def->nv = 1;
        return def->nv ? def : NULL;
    }
    load_message_map(x, def, m, v, k->str);
    return def;
}

static bool register_base_message(gl_bundle_ctx *x, const ynode *k)
{
    glocal_catalog *c = x->c;
    gl_message *m = &c->messages[c->nmessages];
    memset(m, 0, sizeof(*m));
    m->id = gl_arena_strdup(c->arena, k->str);
    if (!m->id || !gl_map_put(&c->message_index, m->id, (uint32_t)c->nmessages))
        return !gl_load_nomem(x);
    c->nmessages++;
    return true;
}

static bool add_orphan(gl_bundle_ctx *x, const ynode *k, gl_msgdef *def)
{
    gl_bundle *b = x->b;
    size_t n = b->norphans;
    const char **ids = gl_arena_grow_array(x->c->arena, b->orphan_ids, n, sizeof(char *));
    gl_msgdef **defs = gl_arena_grow_array(x->c->arena, b->orphans, n, sizeof(gl_msgdef *));
    if (!ids || !defs)
        return !gl_load_nomem(x);
    b->orphan_ids = ids;
    b->orphans = defs;
    b->orphan_ids[n] = gl_arena_intern(x->c->arena, k->str, strlen(k->str));
    b->orphans[n] = def;
    b->norphans++;
    return true;
}

void gl_load_messages(gl_bundle_ctx *x, const ynode *msgs)
{
    glocal_catalog *c = x->c;
    if (!gl_want_kind(x, msgs, YN_MAP, "`messages`"))
        return;
    if (msgs->n > GL_LIMIT(x->ld->limits, MESSAGES)) {
        gl_report(x->ld->diag, R_SCHEMA, GLOCAL_ERR_LIMIT, x->b->file, msgs->line, msgs->col,
                  NULL, NULL, "more than the limit of %llu messages in one bundle",
                  (unsigned long long)GL_LIMIT(x->ld->limits, MESSAGES));
        return;
    }
    if (x->is_base) {
        c->messages = gl_arena_alloc(c->arena, (msgs->n ? msgs->n : 1) * sizeof(gl_message));
        if (!c->messages) {
            gl_load_nomem(x);
            return;
        }
        for (size_t i = 0; i < msgs->n && !gl_load_stopped(x); i++) {
            const ynode *k = msgs->items[2 * i];
            if (!gl_is_message_id(k->str))
                REPORT_MSG(x, R_SCHEMA, k, k->str, "message id `%s` must match "
                                                   "[a-z0-9][a-z0-9_.-]*", k->str);
            else
                register_base_message(x, k);
        }
    }
    x->b->msgs = gl_arena_alloc(c->arena, (c->nmessages ? c->nmessages : 1) * sizeof(gl_msgdef *));
    if (!x->b->msgs) {
        gl_load_nomem(x);
        return;
    }
    memset(x->b->msgs, 0, (c->nmessages ? c->nmessages : 1) * sizeof(gl_msgdef *));
    for (size_t i = 0; i < msgs->n && !gl_load_stopped(x); i++) {
        const ynode *k = msgs->items[2 * i], *v = msgs->items[2 * i + 1];
        uint32_t idx;
        if (!gl_is_message_id(k->str)) {
            if (!x->is_base)
                REPORT_MSG(x, R_SCHEMA, k, k->str, "message id `%s` must match "
                                                   "[a-z0-9][a-z0-9_.-]*", k->str);
            continue;
        }
        bool known = gl_lookup_message(c, k->str, &idx);
        gl_msgdef *def = load_message(x, k, v, known ? &c->messages[idx] : NULL);
        if (!def)
            continue;
        if (known)
            x->b->msgs[idx] = def;
        else
            add_orphan(x, k, def);
    }
}
