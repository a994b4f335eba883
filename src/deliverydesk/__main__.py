import sys

from deliverydesk.cli import main

sys.exit(main())
