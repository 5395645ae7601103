"""python -m bilateral: the same commands as `bilateral`."""
from .cli import main

main()
