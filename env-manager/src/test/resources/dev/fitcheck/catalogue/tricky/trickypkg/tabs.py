class Tabs:
	def m(self):
		if True:
			return 1
	def n(self, a,
			b):
		pass
AFTER = 1
