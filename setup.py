"""Everything else is in pyproject.toml; only the package list needs a line of code.

The packages under src/ are found as usual, and the top-level resources/ folder (with its
subfolders: icons, later fonts and brand assets) joins them as deliverydesk.resources,
mapped by `package-dir` in pyproject.toml. A new subpackage or folder needs no edit here.
"""

from setuptools import find_namespace_packages, find_packages, setup

resources = ["deliverydesk.resources"]
resources += [f"deliverydesk.resources.{name}" for name in find_namespace_packages("resources")]
setup(packages=[*find_packages("src"), *resources])
