/* What a figure is in: percent signs and words, currencies before and
 * after it, and units of measure, each mapped to one canonical symbol so
 * that "15 km", "15km" and "15 kilometres" read alike, and to a dimension
 * and factor so that "six miles" and "10km" can be compared. */
#include <stdio.h>

#include "numbers.h"

typedef struct phrase {
    const char *words;   /* folded words, one space between */
    const char *unit;
    uint8_t kind;
} phrase;

#define M XC_QK_MEASURE
#define P XC_QK_PERCENT
#define C XC_QK_MONEY

/* After a figure. Longer phrases are tried as well as shorter ones; the
 * longest match wins. */
static const phrase after_figure[] = {
    {"%", "%", P}, {"percent", "%", P}, {"per cent", "%", P}, {"pct", "%", P},
    {"per-cent", "%", P}, {"percentage points", "pp", P}, {"percentage point", "pp", P},
    {"basis points", "bp", P}, {"basis point", "bp", P},
    /* money */
    {"dollars", "USD", C}, {"dollar", "USD", C}, {"us dollars", "USD", C}, {"usd", "USD", C},
    {"euros", "EUR", C}, {"euro", "EUR", C}, {"eur", "EUR", C},
    {"pounds", "GBP", C}, {"pounds sterling", "GBP", C}, {"sterling", "GBP", C}, {"gbp", "GBP", C},
    {"roubles", "RUB", C}, {"rubles", "RUB", C}, {"rub", "RUB", C},
    {"hryvnias", "UAH", C}, {"hryvnia", "UAH", C}, {"hryvnas", "UAH", C}, {"uah", "UAH", C},
    {"yuan", "CNY", C}, {"renminbi", "CNY", C}, {"cny", "CNY", C}, {"yen", "JPY", C},
    {"rupees", "INR", C}, {"swiss francs", "CHF", C}, {"francs", "CHF", C},
    /* length */
    {"kilometres", "km", M}, {"kilometers", "km", M}, {"kilometre", "km", M},
    {"kilometer", "km", M}, {"km", "km", M}, {"kms", "km", M},
    {"metres", "m", M}, {"meters", "m", M}, {"metre", "m", M}, {"meter", "m", M},
    {"centimetres", "cm", M}, {"centimeters", "cm", M}, {"cm", "cm", M},
    {"millimetres", "mm", M}, {"millimeters", "mm", M}, {"mm", "mm", M},
    {"miles", "mi", M}, {"mile", "mi", M}, {"mi", "mi", M},
    {"nautical miles", "nmi", M}, {"nautical mile", "nmi", M},
    {"yards", "yd", M}, {"yard", "yd", M}, {"feet", "ft", M}, {"foot", "ft", M}, {"ft", "ft", M},
    {"inches", "in", M}, {"inch", "in", M},
    /* area */
    {"square kilometres", "km2", M}, {"square kilometers", "km2", M}, {"square kilometre", "km2", M},
    {"square kilometer", "km2", M}, {"square km", "km2", M}, {"sq km", "km2", M}, {"km2", "km2", M},
    {"km ²", "km2", M}, {"sq . km", "km2", M}, {"sq. km", "km2", M},
    {"square miles", "mi2", M}, {"square mile", "mi2", M}, {"sq miles", "mi2", M}, {"sq mi", "mi2", M},
    {"square metres", "m2", M}, {"square meters", "m2", M}, {"m2", "m2", M},
    {"square feet", "ft2", M}, {"sq ft", "ft2", M},
    {"hectares", "ha", M}, {"hectare", "ha", M}, {"ha", "ha", M}, {"acres", "acre", M}, {"acre", "acre", M},
    /* mass */
    {"kilograms", "kg", M}, {"kilogram", "kg", M}, {"kilogrammes", "kg", M}, {"kilos", "kg", M},
    {"kg", "kg", M}, {"kgs", "kg", M}, {"grams", "g", M}, {"grammes", "g", M}, {"gram", "g", M},
    {"tonnes", "t", M}, {"tonne", "t", M}, {"tons", "t", M}, {"ton", "t", M},
    {"metric tons", "t", M}, {"metric tonnes", "t", M}, {"lb", "lb", M}, {"lbs", "lb", M},
    {"pounds of", "lb", M},
    /* volume */
    {"litres", "l", M}, {"liters", "l", M}, {"litre", "l", M}, {"liter", "l", M},
    {"gallons", "gal", M}, {"gallon", "gal", M}, {"barrels", "bbl", M}, {"barrel", "bbl", M},
    {"bbl", "bbl", M}, {"cubic metres", "m3", M}, {"cubic meters", "m3", M},
    /* time */
    {"seconds", "s", M}, {"second", "s", M}, {"minutes", "min", M}, {"minute", "min", M},
    {"mins", "min", M}, {"hours", "h", M}, {"hour", "h", M}, {"hrs", "h", M},
    {"days", "day", M}, {"day", "day", M}, {"weeks", "week", M}, {"week", "week", M},
    {"months", "month", M}, {"month", "month", M}, {"years", "year", M}, {"year", "year", M},
    {"yrs", "year", M}, {"decades", "decade", M}, {"decade", "decade", M},
    {"centuries", "century", M}, {"century", "century", M},
    /* speed, power, energy, temperature */
    {"kilometres per hour", "kmh", M}, {"kilometers per hour", "kmh", M}, {"km / h", "kmh", M},
    {"km/h", "kmh", M}, {"kph", "kmh", M}, {"miles per hour", "mph", M}, {"mph", "mph", M},
    {"knots", "kn", M},
    {"kilowatts", "kW", M}, {"kw", "kW", M}, {"megawatts", "MW", M}, {"mw", "MW", M},
    {"gigawatts", "GW", M}, {"gw", "GW", M}, {"kilowatt hours", "kWh", M}, {"kwh", "kWh", M},
    {"megawatt hours", "MWh", M}, {"mwh", "MWh", M}, {"gigawatt hours", "GWh", M}, {"gwh", "GWh", M},
    {"terawatt hours", "TWh", M}, {"twh", "TWh", M},
    {"degrees celsius", "degC", M}, {"degrees c", "degC", M}, {"° c", "degC", M}, {"°c", "degC", M},
    {"degrees fahrenheit", "degF", M}, {"degrees f", "degF", M}, {"° f", "degF", M}, {"°f", "degF", M},
    {"degrees", "deg", M},
    {NULL, NULL, 0}};

/* Glued to digits by the tokenizer: "15km", "10mph", "20GW". */
static const phrase glued[] = {
    {"km", "km", M}, {"kms", "km", M}, {"cm", "cm", M}, {"mm", "mm", M}, {"mi", "mi", M},
    {"ft", "ft", M}, {"kg", "kg", M}, {"kgs", "kg", M}, {"lb", "lb", M}, {"lbs", "lb", M},
    {"ha", "ha", M}, {"mph", "mph", M}, {"kph", "kmh", M}, {"kmh", "kmh", M}, {"kw", "kW", M},
    {"mw", "MW", M}, {"gw", "GW", M}, {"kwh", "kWh", M}, {"mwh", "MWh", M}, {"gwh", "GWh", M},
    {"twh", "TWh", M}, {"h", "h", M}, {"hrs", "h", M}, {"hr", "h", M}, {"yrs", "year", M},
    {"bbl", "bbl", M}, {NULL, NULL, 0}};

/* Before a figure: "$2.5 million", "US$5bn", "€80m", "USD 40". */
static const phrase before_figure[] = {
    {"$", "USD", C}, {"us $", "USD", C}, {"us$", "USD", C}, {"a $", "AUD", C}, {"c $", "CAD", C},
    {"hk $", "HKD", C}, {"nz $", "NZD", C}, {"€", "EUR", C}, {"£", "GBP", C}, {"¥", "JPY", C},
    {"₴", "UAH", C}, {"₽", "RUB", C}, {"₹", "INR", C}, {"usd", "USD", C}, {"eur", "EUR", C},
    {"gbp", "GBP", C}, {"uah", "UAH", C}, {"rub", "RUB", C}, {NULL, NULL, 0}};

#undef M
#undef P
#undef C

static size_t longest(const xc_qsent *s, size_t i, const phrase *table, const phrase **best)
{
    size_t used = 0;
    *best = NULL;
    for (const phrase *p = table; p->words; p++) {
        size_t n = xc_qw_phrase(s, i, p->words);
        if (n > used) {
            used = n;
            *best = p;
        }
    }
    return used;
}

size_t xc_qu_after(const xc_qsent *s, size_t i, uint8_t *kind, char unit[8])
{
    if (i >= s->n)
        return 0;
    const phrase *p;
    size_t used = longest(s, i, after_figure, &p);
    if (!used)
        return 0;
    /* "5 pounds of flour" is weight; "pounds of" matched only to say so. */
    if (strcmp(p->words, "pounds of") == 0)
        used = 1;
    /* "HA", "MI" in capitals are other words (initials, a state). */
    if ((strcmp(p->words, "ha") == 0 || strcmp(p->words, "mi") == 0) &&
        (s->w[i].tflags & XC_TF_ALL_UPPER))
        return 0;
    *kind = p->kind;
    snprintf(unit, 8, "%s", p->unit);
    return used;
}

size_t xc_qu_before(const xc_qsent *s, size_t i, char unit[8])
{
    const phrase *p;
    size_t used = longest(s, i, before_figure, &p);
    if (!used)
        return 0;
    /* Codes and prefixes are currencies only in capitals: "USD 40",
     * "US$5bn", "A$3m"; "a $5 fine" is "a" and then dollars. */
    if (s->w[i].type == XC_TOK_WORD && !(s->w[i].tflags & XC_TF_ALL_UPPER))
        return 0;
    if (used == 2 && (s->w[i + 1].tflags & XC_TF_SPACE_BEFORE))
        return 0; /* "A $5 fine" */
    snprintf(unit, 8, "%s", p->unit);
    return used;
}

bool xc_qu_glued(const char *suffix, char unit[8])
{
    for (const phrase *p = glued; p->words; p++)
        if (strcmp(p->words, suffix) == 0) {
            snprintf(unit, 8, "%s", p->unit);
            return true;
        }
    return false;
}

/* Dimensions, and each unit's factor to the dimension's base unit. */
enum { D_NONE, D_LENGTH, D_AREA, D_MASS, D_VOLUME, D_TIME, D_SPEED, D_POWER, D_ENERGY,
       D_CELSIUS, D_FAHRENHEIT, D_DEGREES };

static const struct {
    const char *unit;
    int dimension;
    double factor;
} conversions[] = {
    {"km", D_LENGTH, 1000}, {"m", D_LENGTH, 1}, {"cm", D_LENGTH, 0.01}, {"mm", D_LENGTH, 0.001},
    {"mi", D_LENGTH, 1609.344}, {"nmi", D_LENGTH, 1852}, {"yd", D_LENGTH, 0.9144},
    {"ft", D_LENGTH, 0.3048}, {"in", D_LENGTH, 0.0254},
    {"km2", D_AREA, 1e6}, {"mi2", D_AREA, 2589988.11}, {"m2", D_AREA, 1}, {"ft2", D_AREA, 0.09290304},
    {"ha", D_AREA, 1e4}, {"acre", D_AREA, 4046.8564},
    {"kg", D_MASS, 1}, {"g", D_MASS, 0.001}, {"t", D_MASS, 1000}, {"lb", D_MASS, 0.45359237},
    {"l", D_VOLUME, 1}, {"gal", D_VOLUME, 3.785411784}, {"bbl", D_VOLUME, 158.987295},
    {"m3", D_VOLUME, 1000},
    {"s", D_TIME, 1.0 / 86400}, {"min", D_TIME, 1.0 / 1440}, {"h", D_TIME, 1.0 / 24},
    {"day", D_TIME, 1}, {"week", D_TIME, 7}, {"month", D_TIME, 30.436875},
    {"year", D_TIME, 365.2425}, {"decade", D_TIME, 3652.425}, {"century", D_TIME, 36524.25},
    {"kmh", D_SPEED, 1}, {"mph", D_SPEED, 1.609344}, {"kn", D_SPEED, 1.852},
    {"kW", D_POWER, 1e3}, {"MW", D_POWER, 1e6}, {"GW", D_POWER, 1e9},
    {"kWh", D_ENERGY, 1e3}, {"MWh", D_ENERGY, 1e6}, {"GWh", D_ENERGY, 1e9}, {"TWh", D_ENERGY, 1e12},
    {"degC", D_CELSIUS, 1}, {"degF", D_FAHRENHEIT, 1}, {"deg", D_DEGREES, 1},
    {NULL, D_NONE, 0}};

int xc_qu_dimension(const char *unit, double *factor)
{
    for (size_t k = 0; conversions[k].unit; k++)
        if (strcmp(conversions[k].unit, unit) == 0) {
            *factor = conversions[k].factor;
            return conversions[k].dimension;
        }
    *factor = 1;
    return D_NONE;
}

bool xc_qu_is_time(const char *unit)
{
    double factor;
    return xc_qu_dimension(unit, &factor) == D_TIME;
}
