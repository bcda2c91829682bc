#ifndef VEIL_CPCRE2_SHIM_H
#define VEIL_CPCRE2_SHIM_H

// The one place Veil includes <pcre2.h>. Veil works on UTF-8, so the 8-bit library.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// PCRE2_UNSET is ~(PCRE2_SIZE)0, a macro Swift cannot import.
static inline PCRE2_SIZE veil_pcre2_unset(void) { return PCRE2_UNSET; }

// Relaxed atomic loads and ors on 64-bit words (StartCharacters learns which characters can begin
// a match while several threads scan).
static inline uint64_t veil_atomic_load(const uint64_t *word) { return __atomic_load_n(word, __ATOMIC_RELAXED); }
static inline void veil_atomic_or(uint64_t *word, uint64_t bits) { __atomic_fetch_or(word, bits, __ATOMIC_RELAXED); }

#endif
