"""Output and root-finding helpers shared by the Hindu golden-data generators."""
import datetime as dt
import os
import textwrap

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "golden", "hindu")
IST = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")


def write_csv(name, header, columns, rows):
    """Write '# ' header paragraphs (wrapped), the column line and the rows (no blank lines)."""
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, name), "w", newline="\n") as f:
        for para in header:
            f.write(textwrap.fill(para, 96, initial_indent="# ", subsequent_indent="#   ",
                                  break_on_hyphens=False, break_long_words=False) + "\n")
        f.write(columns + "\n")
        for r in rows:
            f.write(r + "\n")


def angle_crossing(angle, jd0, target, half_width):
    """The Julian day near jd0 where angle(jd) (degrees) reaches target: a
    secant search from jd0 +- half_width, to 0.01 s (the Swiss Ephemeris
    cross-checks of sankranti.py and tithi_times.py)."""
    f = lambda x: (angle(x) - target + 180) % 360 - 180  # noqa: E731
    x0, x1 = jd0 - half_width, jd0 + half_width
    f0, f1 = f(x0), f(x1)
    for _ in range(60):
        if f1 == f0 or abs(x1 - x0) < 0.01 / 86400:
            break
        x0, x1 = x1, x1 - f1 * (x1 - x0) / (f1 - f0)
        f0, f1 = f1, f(x1)
    return x1
