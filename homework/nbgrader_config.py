# nbgrader configuration of the nn-knobs course (this folder is nbgrader's course directory).
# Every notebook with exercises is one assignment of the same name; see homework/README.md.
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from nbgrader.preprocessors import ClearSolutions, Execute  # noqa: E402

import nbgrader_tslab  # noqa: E402

c = get_config()  # noqa: F821 (provided by traitlets when nbgrader loads this file)

c.CourseDirectory.root = HERE
c.CourseDirectory.course_id = "nn-knobs"

# The student version: a TypeScript stub that throws "not implemented yet: exercise <grade id>".
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
c.ClearSolutions.code_stub = {"typescript": nbgrader_tslab.TYPESCRIPT_STUB.format(exercise="this exercise")}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"


def _swap(cls, trait, old, new):
    """cls's default preprocessor list for `trait`, with `old` replaced by `new` (which subclasses it)."""
    return [new if p is old else p for p in cls.class_traits()[trait].default()]


# Grading and the Validate button run the notebook with the tslab fixes (error fields, aborts, timeouts, kernel death).
from nbgrader.converters import Autograde, GenerateAssignment  # noqa: E402
from nbgrader.validator import Validator  # noqa: E402

c.GenerateAssignment.preprocessors = _swap(
    GenerateAssignment, "preprocessors", ClearSolutions, nbgrader_tslab.TypeScriptClearSolutions
)
c.Autograde.autograde_preprocessors = _swap(
    Autograde, "autograde_preprocessors", Execute, nbgrader_tslab.TslabExecute
)
# Validator.preprocessors is not configurable: swap the executor in its default list (idempotent).
Validator.class_traits()["preprocessors"].default_value = _swap(
    Validator, "preprocessors", Execute, nbgrader_tslab.TslabExecute
)

# The kernel every notebook runs on (the project's tslab, registered in .venv by kernel-setup).
c.Execute.kernel_name = "nn-knobs-tslab"
