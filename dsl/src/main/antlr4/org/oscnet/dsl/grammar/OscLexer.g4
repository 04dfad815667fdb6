/*
 * The tokens of the oscnet network-description language (.osc files).
 *
 * Keywords are soft: the parser's `identifier` rule accepts every keyword as a name, so a
 * dataset may be called `test` and an optimizer option `seed`. Units (`MHz`, `ns`, `mA`, ...)
 * are plain identifiers; the checker resolves them, so a misspelt unit gets a located
 * "did you mean" rather than a syntax error.
 */
lexer grammar OscLexer;

// ---- Declarations ------------------------------------------------------------------------
DATASET     : 'dataset';
NETWORK     : 'network';
TRAIN       : 'train';
HARDWARE    : 'hardware';

// ---- Dataset statements ------------------------------------------------------------------
FILE        : 'file';
HEADER      : 'header';
NO          : 'no';
FEATURES    : 'features';
LABEL       : 'label';
NAMES       : 'names';
LABELS      : 'labels';
SPLIT       : 'split';
PER         : 'per';
CLASS       : 'class';
FIRST       : 'first';
NEXT        : 'next';
REST        : 'rest';
ALL         : 'all';
TEST        : 'test';
SCALE       : 'scale';
FROM        : 'from';
TO          : 'to';
SHUFFLED    : 'shuffled';
MISSING     : 'missing';
DROP        : 'drop';
ROWS        : 'rows';

// ---- Network statements ------------------------------------------------------------------
OSCILLATORS : 'oscillators';
COUPLING    : 'coupling';
TUNING      : 'tuning';
INPUT       : 'input';
OUTPUT      : 'output';
FREQUENCY   : 'frequency';
LINEAR      : 'linear';
DIRECT      : 'direct';
SEQUENCE    : 'sequence';
EVERY       : 'every';
PHASE       : 'phase';
PAIR        : 'pair';
SYNC        : 'sync';
WHEN        : 'when';
SOFTMAX     : 'softmax';
TARGET      : 'target';
OTHERS      : 'others';
LAYERS      : 'layers';
UNITS       : 'units';
CONNECT     : 'connect';
LAYERED     : 'layered';
DENSITY     : 'density';
TAU         : 'tau';
GAIN        : 'gain';
HIGHPASS    : 'highpass';
DISPERSION  : 'dispersion';
AMPLITUDE   : 'amplitude';
NEURON      : 'neuron';

// ---- Simulation --------------------------------------------------------------------------
SIMULATE    : 'simulate';
STEP        : 'step';
DURATION    : 'duration';
READOUT     : 'readout';
LAST        : 'last';
PHASES      : 'phases';
RANDOM      : 'random';
ZERO        : 'zero';
NOISE       : 'noise';
LINEWIDTH   : 'linewidth';
INTEGRATOR  : 'integrator';
TOLERANCE   : 'tolerance';

// ---- Training ----------------------------------------------------------------------------
ON          : 'on';
METHOD      : 'method';
OPTIMIZER   : 'optimizer';
ITERATIONS  : 'iterations';
EPOCHS      : 'epochs';
BATCH       : 'batch';
SEED        : 'seed';
RESTARTS    : 'restarts';

// ---- Hardware ----------------------------------------------------------------------------
VERILOG     : 'verilog';
DAC         : 'dac';
SPICE       : 'spice';
BITS        : 'bits';
WIDTHS      : 'widths';
AUTO        : 'auto';
SINE        : 'sine';
TABLE       : 'table';
X           : 'x';
CLOCK       : 'clock';
LANES       : 'lanes';
PIPELINE    : 'pipeline';
FULL        : 'full';
DEVICE      : 'device';
LEVEL       : 'level';

// ---- Punctuation -------------------------------------------------------------------------
LBRACE      : '{';
RBRACE      : '}';
LPAREN      : '(';
RPAREN      : ')';
SEMI        : ';';
COLON       : ':';
COMMA       : ',';
DOT         : '.';
DOTDOT      : '..';
ARROW       : '->';
EQ          : '==';
PERCENT     : '%';
PLUS        : '+';
MINUS       : '-';

// ---- Literals ----------------------------------------------------------------------------
// A float needs digits after its point, so `0..3` lexes as INT DOTDOT INT.
FLOAT       : Digits '.' Digits Exponent? | Digits Exponent;
INT         : Digits | '0x' HexDigit+;
STRING      : '"' (~["\\\r\n] | '\\' .)* '"';
IDENT       : Letter LetterOrDigit*;

// ---- Hidden ------------------------------------------------------------------------------
WS          : [ \t\r\n\f]+    -> channel(HIDDEN);
LINE_COMMENT: '//' ~[\r\n]*   -> channel(HIDDEN);
BLOCK_COMMENT: '/*' .*? '*/'  -> channel(HIDDEN);

// Anything else becomes one token the parser rejects with its position.
ERROR_CHAR  : .;

fragment Digits        : [0-9] ([0-9_]* [0-9])?;
fragment Exponent      : [eE] [+-]? Digits;
fragment HexDigit      : [0-9a-fA-F];
fragment Letter        : [a-zA-Z_\u00B5\u03BC\u03A9];   // µ (micro), μ, Ω for units
fragment LetterOrDigit : Letter | [0-9];
