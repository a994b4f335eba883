"""Use cases of the clients: adding, finding, enrolling, the trash."""
