import sys

from deliverydesk.cli.main import main

sys.exit(main())
