/*
 * The oscnet network-description language (.osc files).
 *
 * A file is a list of declarations: datasets, networks, how to train a network on a dataset,
 * and which hardware to emit for it. Statements end in `;`; blocks are `{ ... }`. The grammar
 * accepts any statement of a block kind in any order; which statements a network family needs
 * or allows, and what their values mean, is the checker's job (org.oscnet.dsl.check).
 */
parser grammar OscParser;

options { tokenVocab = OscLexer; }

oscFile
    : declaration* EOF
    ;

declaration
    : DATASET name=identifier LBRACE datasetStatement* RBRACE                          # datasetDeclaration
    | NETWORK name=identifier COLON family=identifier LBRACE networkStatement* RBRACE  # networkDeclaration
    | TRAIN network=identifier ON dataset=identifier LBRACE trainStatement* RBRACE     # trainDeclaration
    | HARDWARE network=identifier LBRACE hardwareStatement* RBRACE                     # hardwareDeclaration
    ;

// ---- Datasets ----------------------------------------------------------------------------

datasetStatement
    : FILE path=STRING (HEADER | noHeader=NO HEADER)? (LABELS labels=STRING)? SEMI # fileStatement
    | FEATURES columnRange (COMMA columnRange)* SEMI       # featuresStatement
    | LABEL column=INT (NAMES LPAREN identifier (COMMA identifier)* RPAREN)? SEMI # labelStatement
    | SPLIT (PER CLASS)? (SHUFFLED SEED shuffleSeed=INT)? COLON splitPart (COMMA splitPart)* SEMI # splitStatement
    | SCALE FEATURES (FROM source=range)? TO target=range SEMI                   # scaleStatement
    | MISSING DROP ROWS SEMI                                                      # missingStatement
    ;

columnRange
    : first=INT (DOTDOT last=INT)?
    ;

splitPart
    : (FIRST | NEXT) count=number PERCENT? subset          # countedPart
    | (REST | ALL) subset                                  # remainderPart
    ;

subset
    : TRAIN
    | TEST
    ;

// ---- Networks ----------------------------------------------------------------------------

networkStatement
    : OSCILLATORS INT SEMI                                 # oscillatorsStatement
    | COUPLING quantity SEMI                               # couplingStatement
    | TUNING range SEMI                                    # tuningStatement
    | INPUT source=reference ARROW inputMapping SEMI       # inputStatement
    | OUTPUT outputMapping SEMI                            # outputStatement
    | LAYERS INT (COMMA INT)* SEMI                         # layersStatement
    | UNITS INT SEMI                                       # unitsStatement
    | CONNECT (ALL TO ALL | LAYERED) SEMI                  # connectStatement
    | DENSITY number optionList? SEMI                      # densityStatement
    | TAU quantity SEMI                                    # tauStatement
    | GAIN quantity SEMI                                   # gainStatement
    | HIGHPASS quantity SEMI                               # highpassStatement
    | DISPERSION quantity SEMI                             # dispersionStatement
    | AMPLITUDE quantity SEMI                              # amplitudeStatement
    | NEURON identifier optionList? SEMI                   # neuronStatement
    | SIMULATE LBRACE simulateStatement* RBRACE            # simulateBlock
    ;

reference
    : dataset=identifier DOT FEATURES
    ;

inputMapping
    : FREQUENCY LINEAR                                     # linearFrequencyInput
    | FREQUENCY DIRECT TO OSCILLATORS indexList            # directFrequencyInput
    | SEQUENCE EVERY quantity                              # sequenceInput
    | PHASE range                                          # phaseInput
    ;

outputMapping
    : PAIR LPAREN first=INT COMMA second=INT RPAREN SYNC WHEN LABEL EQ classRef   # pairOutput
    | SOFTMAX                                              # softmaxOutput
    | PHASE TARGET target=quantity COMMA OTHERS others=quantity                   # phaseOutput
    ;

classRef
    : identifier
    | INT
    ;

indexList
    : columnRange (COMMA columnRange)*
    ;

simulateStatement
    : STEP quantity SEMI                                   # stepStatement
    | DURATION quantity SEMI                               # durationStatement
    | READOUT LAST quantity SEMI                           # readoutStatement
    | PHASES (RANDOM | ZERO) SEMI                          # phasesStatement
    | NOISE LINEWIDTH quantity SEMI                        # noiseStatement
    | INTEGRATOR identifier SEMI                           # integratorStatement
    | TOLERANCE quantity SEMI                              # toleranceStatement
    ;

// ---- Training ----------------------------------------------------------------------------

trainStatement
    : METHOD identifier+ optionList? SEMI                  # methodStatement
    | OPTIMIZER identifier optionList? SEMI                # optimizerStatement
    | ITERATIONS INT SEMI                                  # iterationsStatement
    | EPOCHS INT SEMI                                      # epochsStatement
    | BATCH (ALL | INT (PER CLASS)?) SEMI                  # batchStatement
    | SEED INT SEMI                                        # seedStatement
    | RESTARTS INT SEMI                                    # restartsStatement
    | TEST EVERY INT SEMI                                  # testEveryStatement
    ;

// ---- Hardware ----------------------------------------------------------------------------

hardwareStatement
    : VERILOG LBRACE verilogStatement* RBRACE              # verilogBlock
    | DAC LBRACE dacStatement* RBRACE                      # dacBlock
    | SPICE LBRACE spiceStatement* RBRACE                  # spiceBlock
    ;

verilogStatement
    : SINE TABLE entries=INT X width=INT BITS SEMI         # sineTableStatement
    | CLOCK quantity SEMI                                  # clockStatement
    | LANES INT SEMI                                       # lanesStatement
    | PIPELINE INT SEMI                                    # pipelineStatement
    | INPUT identifier SEMI                                # inputFormStatement
    | WIDTHS AUTO optionList? SEMI                         # autoWidthsStatement
    | signal=identifier INT BITS SEMI                      # widthStatement
    ;

dacStatement
    : BITS INT SEMI                                        # dacBitsStatement
    | FULL SCALE quantity SEMI                             # fullScaleStatement
    | DEVICE identifier optionList? SEMI                   # deviceStatement
    | FREQUENCY quantity SEMI                              # dacFrequencyStatement
    ;

spiceStatement
    : LEVEL identifier SEMI                                # levelStatement
    | STEP quantity SEMI                                   # spiceStepStatement
    ;

// ---- Shared pieces -----------------------------------------------------------------------

// `(lr 0.03, squash tanh, exact)`: named options, checked against what the method allows.
optionList
    : LPAREN option (COMMA option)* RPAREN
    ;

option
    : key=identifier value?
    ;

value
    : quantity
    | identifier
    | STRING
    ;

range
    : low=quantity DOTDOT high=quantity
    ;

// A number with an optional unit: `10 ps`, `680 MHz`, `0.5`, `2 %`, `-90 deg`.
quantity
    : number (unit=IDENT | PERCENT)?
    ;

number
    : sign=(PLUS | MINUS)? (INT | FLOAT)
    ;

identifier
    : IDENT
    | keyword
    ;

keyword
    : DATASET | NETWORK | TRAIN | HARDWARE
    | FILE | HEADER | NO | FEATURES | LABEL | NAMES | LABELS | SPLIT | PER | CLASS | FIRST | NEXT | REST
    | ALL | TEST | SCALE | FROM | TO | SHUFFLED | MISSING | DROP | ROWS
    | OSCILLATORS | COUPLING | TUNING | INPUT | OUTPUT | FREQUENCY | LINEAR | DIRECT | SEQUENCE
    | EVERY | PHASE | PAIR | SYNC | WHEN | SOFTMAX | TARGET | OTHERS | LAYERS | UNITS | CONNECT
    | LAYERED | DENSITY | TAU | GAIN | HIGHPASS | DISPERSION | AMPLITUDE | NEURON
    | SIMULATE | STEP | DURATION | READOUT | LAST | PHASES | RANDOM | ZERO | NOISE | LINEWIDTH | INTEGRATOR | TOLERANCE
    | ON | METHOD | OPTIMIZER | ITERATIONS | EPOCHS | BATCH | SEED | RESTARTS
    | VERILOG | DAC | SPICE | BITS | WIDTHS | AUTO | SINE | TABLE | X | CLOCK | LANES | PIPELINE | FULL
    | DEVICE | LEVEL
    ;
